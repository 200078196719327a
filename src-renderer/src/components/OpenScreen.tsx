// First screen: a drop zone, an Open button and the "Try a sample" list.
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../store'
import { SheetIcon, UploadIcon } from './icons'
import { baseName } from './Notices'
import { RecentSessions } from './RecentSessions'
// multi-file import (issue 15 item 5)
import { FlowEntry } from './flow-import/FlowEntry'
import { UnfinishedFlows } from './flow-import/UnfinishedFlows'

interface Props {
  dragging: boolean
  onChooseFile: () => void
}

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)

export function OpenScreen({ dragging, onChooseFile }: Props) {
  const { t, i18n } = useTranslation()
  const samples = useAppStore((s) => s.samples)
  const opening = useAppStore((s) => s.opening)
  const openSample = useAppStore((s) => s.openSample)
  const language = i18n.language === 'en' ? 'en' : 'zh-TW'

  return (
    <section className="open-screen">
      <div className="open-main">
        <h1>{t('open.title')}</h1>
        <p className="lead">{t('open.lead')}</p>
        <div
          className={`drop-zone${dragging ? ' is-dragging' : ''}${opening !== null ? ' is-busy' : ''}`}
          data-testid="drop-zone"
          role="button"
          tabIndex={0}
          aria-busy={opening !== null}
          onClick={onChooseFile}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault()
              onChooseFile()
            }
          }}
        >
          {opening !== null ? (
            <div className="drop-zone-status" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('open.opening', { file: baseName(opening) || '…' })}
            </div>
          ) : (
            <>
              <span className="drop-zone-icon">
                <UploadIcon size={32} />
              </span>
              <strong className="drop-zone-title">{dragging ? t('open.release') : t('open.dropHere')}</strong>
              <span className="drop-zone-or">{t('open.or')}</span>
              <span className="button button-primary" data-testid="open-button">
                {t('open.button')}
              </span>
              <small className="drop-zone-formats">
                {t('open.formats')} · {t('open.shortcut', { keys: isMac ? '⌘O' : 'Ctrl+O' })}
              </small>
            </>
          )}
        </div>
        <FlowEntry />
      </div>
      <div className="side-column">
        <aside className="samples" aria-labelledby="samples-title">
          <h2 id="samples-title">{t('samples.title')}</h2>
          <p className="muted">{t('samples.lead')}</p>
          {samples.length === 0 ? (
            <p className="muted">{t('samples.empty')}</p>
          ) : (
            <ul className="sample-list">
              {samples.map((sample) => (
                <li key={sample.name}>
                  <button
                    type="button"
                    className="sample"
                    data-testid="sample"
                    data-name={sample.name}
                    disabled={opening !== null}
                    onClick={() => void openSample(sample.name)}
                  >
                    <SheetIcon />
                    <span className="sample-text">
                      <span className="sample-name">{sample.name}</span>
                      <span className="sample-description">{sample.description[language]}</span>
                    </span>
                    <span className="sample-size">
                      {t('samples.size', { size: Math.max(1, Math.round(sample.bytes / 1024)) })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </aside>
        <RecentSessions />
        <UnfinishedFlows />
      </div>
    </section>
  )
}
