import { z } from 'zod'

/** The longest figure key the list takes (a team's figure carries the team's name). */
const FIGURE_MAX = 300

/**
 * The list behind a figure, as the address bar carries it (the period comes with the period
 * chooser's own fields, `../quarterly/schema.ts`): which figure, and which page. Whatever the address
 * bar says, the answer is these or an error on their field; whether the figure is one of the
 * return's is the service's to say.
 */
export const figureSchema = z.object({
  figure: z
    .unknown()
    .transform((value) => (typeof value === 'string' ? value : ''))
    .pipe(
      z
        .string()
        .min(1, 'Choose a figure from the quarterly return')
        .max(FIGURE_MAX, 'Choose a figure from the quarterly return')
        .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'Choose a figure from the quarterly return'),
    ),
  page: z
    .unknown()
    .optional()
    .transform((value) => (value === undefined || value === '' ? '1' : value))
    .pipe(
      z
        .string('Enter a page number from 1 to 10,000')
        .regex(/^[0-9]{1,5}$/, 'Enter a page number from 1 to 10,000')
        .transform(Number)
        .pipe(z.number().int().min(1, 'Enter a page number from 1 to 10,000').max(10_000, 'Enter a page number from 1 to 10,000')),
    ),
})
