import assert from 'node:assert/strict'
import { test } from 'node:test'
import { STARTING_THEMES, THEME_NAME_MAX, tidyThemeName } from './themes.ts'

test('a theme’s name is kept without spaces at its ends or runs of them inside', () => {
  assert.equal(tidyThemeName('  Reports   late \t'), 'Reports late')
})

test('the starting list has the participation group’s themes, each once, each short enough to keep', () => {
  for (const name of ['Reports late', 'Felt listened to', 'Jargon', 'Chair met me first'])
    assert.ok((STARTING_THEMES as readonly string[]).includes(name), name)
  assert.equal(new Set(STARTING_THEMES.map((name) => name.toLowerCase())).size, STARTING_THEMES.length)
  assert.ok(STARTING_THEMES.every((name) => name.length <= THEME_NAME_MAX && name === tidyThemeName(name)))
})
