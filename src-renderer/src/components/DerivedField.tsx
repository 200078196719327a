// A derived field on the mapping screen: the rule in words, its result on a few sample rows, and a small editor
// (billing cycle / MRR from a unit and a frequency column, and an amount from its parts).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Derivation, DerivedFieldPreview, FieldView, PrepareView } from '../../../src-main/ipc/contract'
import { usePrepareStore } from '../prepare-store'
import './derived.css'

type Lang = 'zh-TW' | 'en'
const say = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh)

/** Which derivations can fill this field (what the engine's mapping check accepts). */
export function derivableKinds(field: FieldView): Derivation['kind'][] {
  if (field.type === 'money') return ['monthly_amount', 'sum']
  if (field.type === 'enum' && field.enumValues.includes('quarterly')) return ['billing_cycle']
  return []
}

function draftFor(kind: Derivation['kind'], headers: string[]): Derivation {
  const h = headers[0] ?? ''
  if (kind === 'sum') return { kind, add: [h], subtract: [] }
  if (kind === 'monthly_amount') return { kind, amountColumn: h, unitColumn: h }
  if (kind === 'billing_cycle') return { kind, unitColumn: h }
  return { kind: 'status_by_payment', statusColumn: h, paymentColumn: h, rules: [] }
}

function ColumnSelect(props: {
  label: string
  value: string | undefined
  headers: string[]
  optional?: boolean
  testId: string
  onChange: (v: string | undefined) => void
}) {
  return (
    <label className="derive-row small">
      <span>{props.label}</span>
      <select
        data-testid={props.testId}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value || undefined)}
      >
        {props.optional ? <option value="">—</option> : null}
        {props.headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </label>
  )
}

function ColumnsPicker(props: {
  label: string
  value: string[]
  headers: string[]
  testId: string
  onChange: (v: string[]) => void
}) {
  return (
    <label className="derive-row small">
      <span>{props.label}</span>
      <select
        multiple
        size={Math.min(5, props.headers.length)}
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {props.headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </label>
  )
}

function Editor({
  field,
  view,
  initial,
  lang,
  onDone
}: {
  field: FieldView
  view: PrepareView
  initial: Derivation | null
  lang: Lang
  onDone: () => void
}) {
  const setField = usePrepareStore((s) => s.setField)
  const kinds = derivableKinds(field)
  const [draft, setDraft] = useState<Derivation>(initial ?? draftFor(kinds[0], view.headers))
  const cycleEntry = view.mapping.billing_cycle
  const cycleField = field.key === 'mrr' && !(cycleEntry && 'derive' in cycleEntry) && view.headers.length > 0
  const [alsoCycle, setAlsoCycle] = useState<boolean>(cycleField)
  const headers = view.headers
  const save = async () => {
    await setField(field.key, { derive: draft })
    // the MRR and the billing cycle read the same two columns: offer to fill both at once
    if (draft.kind === 'monthly_amount' && alsoCycle && cycleField) {
      await setField('billing_cycle', {
        derive: {
          kind: 'billing_cycle',
          unitColumn: draft.unitColumn,
          ...(draft.frequencyColumn ? { frequencyColumn: draft.frequencyColumn } : {})
        }
      })
    }
    onDone()
  }
  return (
    <div className="derive-editor" data-testid={`derive-editor-${field.key}`}>
      {kinds.length > 1 ? (
        <div className="derive-kinds small" role="radiogroup">
          {kinds.map((k) => (
            <label key={k} className="choice">
              <input
                type="radio"
                name={`kind-${field.key}`}
                checked={draft.kind === k}
                onChange={() => setDraft(draftFor(k, headers))}
              />
              {k === 'sum'
                ? say(lang, '由各部分加減（小計 + 運費 − 折扣）', 'From its parts (subtotal + shipping − discount)')
                : say(lang, '每期金額 ÷ 週期月數（MRR）', 'Amount per charge ÷ months (MRR)')}
            </label>
          ))}
        </div>
      ) : null}
      {draft.kind === 'sum' ? (
        <>
          <ColumnsPicker
            label={say(lang, '加上', 'Add')}
            value={draft.add}
            headers={headers}
            testId={`derive-add-${field.key}`}
            onChange={(add) => setDraft({ ...draft, add })}
          />
          <ColumnsPicker
            label={say(lang, '減去', 'Subtract')}
            value={draft.subtract}
            headers={headers}
            testId={`derive-subtract-${field.key}`}
            onChange={(subtract) => setDraft({ ...draft, subtract })}
          />
        </>
      ) : null}
      {draft.kind === 'monthly_amount' ? (
        <ColumnSelect
          label={say(lang, '每期金額', 'Amount per charge')}
          value={draft.amountColumn}
          headers={headers}
          testId={`derive-amount-${field.key}`}
          onChange={(v) => setDraft({ ...draft, amountColumn: v ?? '' })}
        />
      ) : null}
      {draft.kind === 'monthly_amount' || draft.kind === 'billing_cycle' ? (
        <>
          <ColumnSelect
            label={say(lang, '週期單位（月／年）', 'Period unit (month/year)')}
            value={draft.unitColumn}
            headers={headers}
            testId={`derive-unit-${field.key}`}
            onChange={(v) => setDraft({ ...draft, unitColumn: v ?? '' })}
          />
          <ColumnSelect
            label={say(lang, '週期數（沒有則為 1）', 'Units per charge (1 if none)')}
            value={draft.frequencyColumn}
            headers={headers}
            optional
            testId={`derive-frequency-${field.key}`}
            onChange={(v) => {
              const { frequencyColumn: _f, ...rest } = draft
              setDraft(v ? { ...rest, frequencyColumn: v } : rest)
            }}
          />
        </>
      ) : null}
      {draft.kind === 'monthly_amount' && cycleField ? (
        <label className="choice small">
          <input type="checkbox" checked={alsoCycle} onChange={(e) => setAlsoCycle(e.target.checked)} />
          {say(lang, '同時用這兩欄決定「計費週期」', 'Also take the billing cycle from these columns')}
        </label>
      ) : null}
      <div className="derive-actions">
        <button type="button" className="button" data-testid={`derive-save-${field.key}`} onClick={() => void save()}>
          {say(lang, '套用', 'Apply')}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          {say(lang, '取消', 'Cancel')}
        </button>
      </div>
    </div>
  )
}

/** The rule in words and its result on the first rows, e.g. 「第 2 列：2,970 ÷ 3（季繳）= 990.00」. */
export function DerivedField({
  field,
  view,
  preview,
  startEditing
}: {
  field: FieldView
  view: PrepareView
  preview?: DerivedFieldPreview
  startEditing?: boolean
}) {
  const { i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const [editing, setEditing] = useState(startEditing === true || !preview)
  return (
    <div className="derived" data-testid={`derived-${field.key}`}>
      {preview ? (
        <>
          <p className="derived-rule">{preview.text[lang]}</p>
          <ul className="derived-samples small">
            {preview.samples.map((s) => (
              <li key={s.row} className={s.ok ? 'ok' : 'error'}>
                {say(lang, `第 ${s.row} 列：`, `Row ${s.row}: `)}
                {s.text[lang]}
              </li>
            ))}
          </ul>
          {!editing && derivableKinds(field).length ? (
            <button
              type="button"
              className="link-button small"
              data-testid={`derive-edit-${field.key}`}
              onClick={() => setEditing(true)}
            >
              {say(lang, '編輯計算', 'Edit the calculation')}
            </button>
          ) : null}
        </>
      ) : null}
      {editing && derivableKinds(field).length ? (
        <Editor
          field={field}
          view={view}
          initial={preview?.derivation ?? null}
          lang={lang}
          onDone={() => setEditing(false)}
        />
      ) : null}
    </div>
  )
}
