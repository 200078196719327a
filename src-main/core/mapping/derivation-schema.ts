// zod schema of a Derivation, shared by every schema that validates a mapping (sessions, templates, IPC, CLI files).
import { z } from 'zod'
import type { Derivation } from './derivation-types'

const column = z.string().min(1).max(255)
const words = z.array(z.string().max(255)).max(100)

export const derivationSchema: z.ZodType<Derivation> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('billing_cycle'), unitColumn: column, frequencyColumn: column.optional() }).strict(),
  z
    .object({
      kind: z.literal('monthly_amount'),
      amountColumn: column,
      unitColumn: column,
      frequencyColumn: column.optional()
    })
    .strict(),
  z.object({ kind: z.literal('sum'), add: z.array(column).min(1).max(20), subtract: z.array(column).max(20) }).strict(),
  z
    .object({
      kind: z.literal('status_by_payment'),
      statusColumn: column,
      paymentColumn: column,
      rules: z
        .array(
          z.object({ status: words.min(1), payment: words.optional(), result: z.string().min(1).max(100) }).strict()
        )
        .min(1)
        .max(100)
    })
    .strict()
])

/** The third MappingEntry shape: { derive: Derivation }. */
export const deriveEntrySchema = z.object({ derive: derivationSchema }).strict()
