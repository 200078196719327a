// What the file lacks, said once (「這個檔案沒有客戶 Email…」), and the fix in the app: map another column, or look the
// value up in a second spreadsheet by a shared key (phone, 買家帳號, customer ID); active lookups shown in words.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldView, LookupFileView, LookupView, PrepareView } from '../../../src-main/ipc/contract'
import { asApiError, call } from '../api'
import { usePrepareStore } from '../prepare-store'
import { refreshPrep } from '../queries/mutation'

const ACCEPT = '.xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt'
const KEY_WORDS = /手機|電話|phone|mobile|帳號|account|顧客編號|客戶編號|會員編號|customer.?id|email|e-mail|電郵|信箱/i
const KEY_KINDS = [/手機|電話|phone|mobile|tel/i, /帳號|account|user/i, /編號|\bid\b/i, /email|e-mail|電郵|信箱/i]

function showView(view: PrepareView): void {
  usePrepareStore.setState({ view, busy: false, error: null })
  refreshPrep(view.prepId)
}

/** The main file's column most likely holding the key: the same header, else a column with a key-like name. */
function guessMainKey(headers: string[], key: string): string {
  const kind = KEY_KINDS.find((k) => k.test(key))
  return headers.find((h) => h === key) ?? (kind ? headers.find((h) => kind.test(h)) : undefined) ?? headers[0] ?? ''
}

function LookupForm({
  view,
  fields,
  field: initialField,
  onDone
}: {
  view: PrepareView
  fields: FieldView[]
  field: string
  onDone: () => void
}) {
  const { t, i18n } = useTranslation('lookup')
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const [field, setField] = useState(initialField)
  const [file, setFile] = useState<LookupFileView | null>(null)
  const [keyColumn, setKeyColumn] = useState('')
  const [valueColumn, setValueColumn] = useState('')
  const [mainKeyColumn, setMainKeyColumn] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [working, setWorking] = useState(false)
  const ownHeaders = view.headers.filter((h) => !(view.lookups ?? []).some((l) => l.column === h))

  const choose = async (picked: File | undefined) => {
    if (!picked) return
    setWorking(true)
    setError(null)
    try {
      const read = await call('prepare.lookupFile', {
        prepId: view.prepId,
        name: picked.name,
        bytes: new Uint8Array(await picked.arrayBuffer())
      })
      setFile(read)
      const key =
        read.headers.find((h) => KEY_WORDS.test(h) && !/email|e-mail|電郵|信箱/i.test(h)) ?? read.headers[0] ?? ''
      setKeyColumn(key)
      setValueColumn(
        read.headers.find((h) => h !== key && /email|e-mail|電郵|信箱/i.test(h)) ??
          read.headers.find((h) => h !== key) ??
          ''
      )
      setMainKeyColumn(guessMainKey(ownHeaders, key))
    } catch (e) {
      const err = asApiError(e)
      setError(err.messages?.[lang] ?? err.message)
    } finally {
      setWorking(false)
    }
  }

  const apply = async () => {
    if (!file) return
    setWorking(true)
    setError(null)
    try {
      showView(
        await call('prepare.setLookup', {
          prepId: view.prepId,
          field,
          lookup: { fileId: file.fileId, name: file.name, keyColumn, valueColumn, mainKeyColumn }
        })
      )
      onDone()
    } catch (e) {
      const err = asApiError(e)
      setError(err.messages?.[lang] ?? err.message)
    } finally {
      setWorking(false)
    }
  }

  const select = (testId: string, value: string, options: string[], set: (v: string) => void) => (
    <select data-testid={testId} value={value} disabled={working} onChange={(e) => set(e.target.value)}>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  )

  return (
    <div className="lookup-form" data-testid="lookup-form">
      <label className="picker small">
        <span>{t('field')}</span>
        <select data-testid="lookup-field" value={field} disabled={working} onChange={(e) => setField(e.target.value)}>
          {fields.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label[lang]}
            </option>
          ))}
        </select>
      </label>
      <label className="picker small">
        <span>{t('file')}</span>
        <input
          type="file"
          accept={ACCEPT}
          data-testid="lookup-file"
          disabled={working}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      {file ? (
        <>
          <label className="picker small">
            <span>{t('keyColumn', { file: file.name })}</span>
            {select('lookup-key', keyColumn, file.headers, setKeyColumn)}
          </label>
          <label className="picker small">
            <span>{t('valueColumn', { file: file.name })}</span>
            {select('lookup-value', valueColumn, file.headers, setValueColumn)}
          </label>
          <label className="picker small">
            <span>{t('mainKeyColumn')}</span>
            {select('lookup-main-key', mainKeyColumn, ownHeaders, setMainKeyColumn)}
          </label>
          <p className="muted small">{t('normalized')}</p>
          <button
            type="button"
            className="button"
            data-testid="lookup-apply"
            disabled={working || !keyColumn || !valueColumn || !mainKeyColumn}
            onClick={() => void apply()}
          >
            {t('apply')}
          </button>
        </>
      ) : null}
      <button type="button" className="button button-quiet" disabled={working} onClick={onDone}>
        {t('cancel')}
      </button>
      {error ? (
        <p className="field-problem error" data-testid="lookup-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

function ActiveLookup({ view, lookup }: { view: PrepareView; lookup: LookupView }) {
  const { t, i18n } = useTranslation('lookup')
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const busy = usePrepareStore((s) => s.busy)
  const remove = async () => {
    try {
      showView(await call('prepare.setLookup', { prepId: view.prepId, field: lookup.field, lookup: null }))
    } catch (e) {
      usePrepareStore.setState({ error: asApiError(e) })
    }
  }
  // rows whose key was not found (or is ambiguous): excluded in one go
  const excludeUnmatched = async () => {
    const page = await call('prepare.rows', { prepId: view.prepId, offset: 0, limit: 1000, filter: 'errors' })
    const rows = page.rows
      .filter((r) => r.issues.some((i) => i.field === lookup.field && i.code.startsWith('lookup_')))
      .map((r) => r.rowNumber)
    if (rows.length) await usePrepareStore.getState().exclude(rows, true)
  }
  return (
    <li data-testid={`lookup-${lookup.field}`}>
      <strong>{lookup.description[lang]}</strong>{' '}
      <span className="muted small">{t('counts', { found: lookup.found, problems: lookup.problems })}</span>{' '}
      {lookup.problems ? (
        <button
          type="button"
          className="link-button"
          disabled={busy}
          data-testid="lookup-exclude"
          onClick={() => void excludeUnmatched()}
        >
          {t('excludeUnmatched')}
        </button>
      ) : null}{' '}
      <button
        type="button"
        className="link-button"
        disabled={busy}
        data-testid="lookup-remove"
        onClick={() => void remove()}
      >
        {t('remove')}
      </button>
    </li>
  )
}

export function LookupPanel({ view, fields }: { view: PrepareView; fields: FieldView[] }) {
  const { t, i18n } = useTranslation('lookup')
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW'
  const [formFor, setFormFor] = useState<string | null>(null)
  const fileIssues = view.fileIssues ?? []
  const lookups = view.lookups ?? []
  const focusSelect = (field: string) =>
    document.querySelector<HTMLSelectElement>(`[data-testid="map-${field}"]`)?.focus()
  return (
    <section className="panel lookup-panel" aria-labelledby="lookup-title" data-testid="lookup-panel">
      <h2 id="lookup-title" className="small">
        {t('title')}
      </h2>
      {fileIssues.map((issue) => (
        <div key={issue.field + issue.code} className="file-issue" data-testid={`file-issue-${issue.field}`}>
          <p className="field-problem error">{lang === 'en' ? issue.message : issue.messageZh}</p>
          <button type="button" className="link-button" onClick={() => focusSelect(issue.field)}>
            {t('mapAnother')}
          </button>
          {' · '}
          <button
            type="button"
            className="link-button"
            data-testid={`lookup-open-${issue.field}`}
            onClick={() => setFormFor(issue.field)}
          >
            {t('lookUp')}
          </button>
        </div>
      ))}
      {lookups.length ? (
        <ul className="lookup-list">
          {lookups.map((l) => (
            <ActiveLookup key={l.field} view={view} lookup={l} />
          ))}
        </ul>
      ) : null}
      {formFor !== null ? (
        <LookupForm view={view} fields={fields} field={formFor} onDone={() => setFormFor(null)} />
      ) : (
        <button
          type="button"
          className="link-button small"
          data-testid="lookup-open"
          onClick={() =>
            setFormFor(fileIssues[0]?.field ?? fields.find((f) => f.required)?.key ?? fields[0]?.key ?? '')
          }
        >
          {t('lookUpAny')}
        </button>
      )}
    </section>
  )
}
