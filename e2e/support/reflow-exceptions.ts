/**
 * Pages let off the 320-pixel check (`reflow.ts`), each with its reason. Keep this list empty unless
 * a page needs two dimensions to be understood (WCAG 1.4.10 allows that for a real grid, such as a
 * map or a wide chart); never use it to hide a page that simply has not been made to reflow.
 */
export const reflowExceptions: readonly { readonly path: RegExp; readonly reason: string }[] = []
