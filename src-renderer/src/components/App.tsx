// The shell: top bar, notices, and either the open screen or the preview of the opened spreadsheet.
import { Suspense, useCallback, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { usePrepareStore } from '../prepare-store'
import { useAppStore } from '../store'
import { baseName, ErrorNotice, InfoNotice, SaveProblemBanner } from './Notices'
import { OpenScreen } from './OpenScreen'
import { FlowImportScreen, PrepareScreen, preloadScreensWhenIdle } from './lazy-screens'
import { PreviewScreen } from './PreviewScreen'
import { TopBar } from './TopBar'
import { useFileDrop } from './useFileDrop'
import { QuitConfirm } from './flow/QuitConfirm'
import { useStepFocus } from './flow/useStepFocus'
// multi-file import (issue 15 item 5)
import { useFlowImportStore } from '../flow-import-store'

const ACCEPT = '.xlsx,.xlsm,.xls,.ods,.csv,.tsv'

export function App() {
  const { t } = useTranslation()
  const view = useAppStore((s) => s.view)
  const error = useAppStore((s) => s.error)
  const dismissError = useAppStore((s) => s.dismissError)
  const prep = usePrepareStore((s) => s.view)
  const prepError = usePrepareStore((s) => s.error)
  const dismissPrepError = usePrepareStore((s) => s.dismissError)
  const leavePrepare = usePrepareStore((s) => s.leave)
  const sessionId = view?.sessionId
  const canPickFiles = useAppStore((s) => s.info?.canPickFiles ?? false)
  const openFile = useAppStore((s) => s.openFile)
  const openWithDialog = useAppStore((s) => s.openWithDialog)
  const fileInput = useRef<HTMLInputElement>(null)
  const flowOpen = useFlowImportStore((s) => s.open)
  const flowReviewing = useFlowImportStore((s) => s.reviewing)
  const backToFlow = useFlowImportStore((s) => s.backFromReview)

  useEffect(() => {
    void useAppStore.getState().init()
  }, [])
  // after the first paint: the later screens' code, one chunk per idle moment
  useEffect(preloadScreensWhenIdle, [])

  useEffect(() => {
    // another file (or none) is open: its preparation starts over (a restored session arrives with its own)
    if (usePrepareStore.getState().workbookId !== sessionId) leavePrepare()
  }, [sessionId, leavePrepare])

  // focus lands on each step's main control (open → preview → prepare)
  useStepFocus(view && prep ? `prepare:${prep.prepId}` : view ? `preview:${view.sessionId}` : 'open')

  const onFile = useCallback((file: File) => void openFile(file), [openFile])
  const dragging = useFileDrop(onFile)

  // the desktop app uses the native dialog (it can hand main a path); the browser harness uses the file chooser
  const chooseFile = useCallback(() => {
    if (canPickFiles) void openWithDialog()
    else fileInput.current?.click()
  }, [canPickFiles, openWithDialog])

  useEffect(() => {
    // in the desktop app the menu owns Ctrl/Cmd+O
    if (canPickFiles) return
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'o') {
        event.preventDefault()
        chooseFile()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [canPickFiles, chooseFile])

  return (
    <div className={`app${dragging ? ' is-dragging' : ''}`}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <TopBar />
      <main id="main" className="content">
        <SaveProblemBanner />
        <InfoNotice />
        <ErrorNotice error={error} onDismiss={dismissError} />
        <ErrorNotice error={prepError} onDismiss={dismissPrepError} />
        <Suspense fallback={null}>
          {flowOpen && !flowReviewing ? (
            <FlowImportScreen />
          ) : view && prep ? (
            <PrepareScreen
              view={prep}
              file={baseName(view.file)}
              onBack={flowReviewing ? backToFlow : leavePrepare}
              backLabel={flowReviewing ? t('flowImport:backToFlow') : undefined}
            />
          ) : view ? (
            <PreviewScreen view={view} onChooseFile={chooseFile} />
          ) : (
            <OpenScreen dragging={dragging} onChooseFile={chooseFile} />
          )}
        </Suspense>
      </main>
      <input
        ref={fileInput}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          event.currentTarget.value = ''
          if (file) onFile(file)
        }}
      />
      <QuitConfirm />
      {dragging && view ? (
        <div className="drop-overlay" aria-hidden="true">
          {t('open.release')}
        </div>
      ) : null}
    </div>
  )
}
