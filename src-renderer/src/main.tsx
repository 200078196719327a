// Renderer entry: keeps main-process events from the first moment (a file the OS hands over at launch is never
// missed), then loads the app in parts, each run in a task of its own: one module graph runs as one task, and a cold
// start's single task came near 100 ms (issue 14). State and i18n first, then React DOM (~0.5 MB), then the app.
import type { OrderDockEvent } from '../../src-main/ipc/contract'
import { onEvent } from './api'
import './styles.css'

const early: OrderDockEvent[] = []
const stopKeeping = onEvent((event) => early.push(event))
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))

void import('./boot').then(async ({ start }) => {
  const ready = start(early, stopKeeping)
  await nextTask()
  await import('react-dom/client')
  await nextTask()
  const { renderApp } = await import('./render-app')
  await ready
  renderApp()
})
