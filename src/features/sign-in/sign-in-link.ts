/**
 * The one-time sign-in link's rules and the email that carries it. Pure.
 *
 * @pure
 */

/** How long a link works. */
export const SIGN_IN_LINK_MINUTES = 15

/** At most this many links for one account in SIGN_IN_LINK_MINUTES, however often one is asked for: a mailbox is not a target. */
export const SIGN_IN_LINKS_AT_ONCE = 3

/**
 * The email: who it is for, the link, until when it works, and what to do if you did not ask. It
 * goes only to an account's own address, so it says nothing a stranger could learn from.
 */
export function signInLinkMessage(to: { displayName: string; authorityName: string }, link: string, until: string): { subject: string; text: string } {
  return {
    subject: 'Your link to sign in to Alongside',
    text: [
      `Hello ${to.displayName},`,
      '',
      `Use this link to sign in to Alongside. It works once, until ${until}:`,
      '',
      link,
      '',
      'Someone asked for it on the sign-in page. If it was not you, you do not need to do anything:',
      'nobody can use the link without reading this email. If you get links you did not ask for,',
      'tell your system admin.',
      '',
      `Alongside, ${to.authorityName}`,
    ].join('\n'),
  }
}
