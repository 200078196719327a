// Where an issue group is: its column, else the destination field's label, else (a connection setting such as SHOPLINE's
// delivery option) the given fallback, so the panel never shows raw keys like delivery_option_id.
import type { FieldView, IssueGroup } from '../../../../src-main/ipc/contract'

export function issueWhere(group: IssueGroup, fields: FieldView[], en: boolean, fallback: string): string {
  if (group.column) return group.column
  const labels = group.field.split(',').map((key) => fields.find((f) => f.key === key.trim())?.label)
  if (labels.length === 0 || labels.some((l) => !l)) return fallback
  return labels.map((l) => (en ? l!.en : l!['zh-TW'])).join(en ? ', ' : '、')
}
