// Closing the window while a push runs: main asks (app.quitRequested) and this dialog answers. "Keep pushing" is the
// safe default and has focus; "Stop and close" calls app.quit (main stops the job cleanly; it can be resumed later).
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { call, onEvent } from '../../api'
import { useModalDialog } from './useModalDialog'
import './flow.css'

function QuitDialog({ onStay }: { onStay(): void }) {
  const { t } = useTranslation('flow')
  const panel = useRef<HTMLElement>(null)
  const stay = useRef<HTMLButtonElement>(null)
  useModalDialog(panel, onStay, () => stay.current)
  return (
    <div className="quit-overlay">
      <section
        ref={panel}
        className="quit-panel"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="quit-title"
        aria-describedby="quit-body"
        data-testid="quit-confirm"
      >
        <h2 id="quit-title">{t('quit.title')}</h2>
        <p id="quit-body">{t('quit.body')}</p>
        <div className="form-actions">
          <button ref={stay} type="button" className="button button-primary" data-testid="quit-stay" onClick={onStay}>
            {t('quit.stay')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="quit-confirm-button"
            onClick={() => void call('app.quit', { confirmed: true }).finally(onStay)}
          >
            {t('quit.quit')}
          </button>
        </div>
      </section>
    </div>
  )
}

export function QuitConfirm() {
  const [asked, setAsked] = useState(false)
  useEffect(() => onEvent((event) => event.type === 'app.quitRequested' && setAsked(true)), [])
  return asked ? createPortal(<QuitDialog onStay={() => setAsked(false)} />, document.body) : null
}
