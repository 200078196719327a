// The app's first render: loaded by main.tsx after React DOM, in a task of its own.
import { QueryClientProvider } from '@tanstack/react-query'
import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { call } from './api'
import { App } from './components/App'
import { queryClient } from './queries/client'
import { i18n, savedLanguage } from './i18n'

export function renderApp(): void {
  // the main process labels its menu in the same language
  void call('app.setLanguage', { language: savedLanguage() }).catch(() => undefined)
  const root = document.getElementById('root')
  if (!root) return
  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nextProvider i18n={i18n}>
          <App />
        </I18nextProvider>
      </QueryClientProvider>
    </StrictMode>
  )
  // as a transition React renders the first screen in slices that yield every few ms, not as one long task (issue 14)
  startTransition(() => createRoot(root).render(app))
}
