// After each step (open → preview → prepare → push → results) focus lands on that step's main control, so a keyboard user
// never starts over from the top of the page. Candidates are tried in order; the step may still be loading, so we wait a little.
import { useEffect, useRef } from 'react'

export const STEP_CONTROLS: Record<string, string[]> = {
  open: ['[data-testid="drop-zone"]'],
  preview: ['[data-testid="start-prepare"]', '[data-testid="start-target"]'],
  prepare: ['[data-testid="push-open"]', '[data-testid="target-picker"]'],
  setup: ['[data-testid="push-start"]', '[data-testid="push-profile"]'],
  progress: ['[data-testid="push-pause"]', '[data-testid="push-resume"]'],
  results: ['[data-testid="push-same-rows"]', '[data-testid="results-retry"]', '[data-testid="results-export-xlsx"]']
}

const WAIT_MS = 3000
const TICK_MS = 50

/** The first candidate on the page that can take focus; a present but disabled one is waited for until `late`. */
function pick(candidates: string[], scope: ParentNode, late: boolean): HTMLElement | 'wait' | null {
  for (const selector of candidates) {
    const el = scope.querySelector<HTMLElement>(selector)
    if (!el || el.closest('[inert]')) continue
    if (!el.hasAttribute('disabled')) return el
    if (!late) return 'wait'
  }
  return null
}

/** Focus the step's main control when `step` changes: the first candidate present (a disabled one, e.g. while validating,
 * is waited for a moment before the next is taken). Stops as soon as focus went somewhere else meanwhile. */
export function useStepFocus(step: string | null, scope: () => ParentNode = () => document): void {
  // per step (the part before ':'): where focus was when it began, and whether its main control got focus already
  const current = useRef<{ base: string | null; startedOn: Element | null; done: boolean }>({
    base: null,
    startedOn: null,
    done: false
  })
  useEffect(() => {
    const base = step?.split(':')[0] ?? null
    const state = current.current
    // 'setup:true' → 'setup:false' is the same step: once focused, only give focus back if it was lost (a control got
    // disabled or replaced, e.g. Pause turning into Resume)
    if (state.base !== base) Object.assign(state, { base, startedOn: document.activeElement, done: false })
    if (!base) return
    const candidates = STEP_CONTROLS[base] ?? []
    const started = Date.now()
    let timer: ReturnType<typeof setTimeout> | null = null
    const attempt = () => {
      const active = document.activeElement
      const lost = !active || active === document.body
      const movedByUser = !lost && active !== state.startedOn && active?.isConnected && !state.done
      if ((state.done && !lost) || movedByUser) return
      const target = pick(candidates, scope(), Date.now() - started > WAIT_MS / 2)
      if (target instanceof HTMLElement) {
        target.focus()
        state.done = true
        return
      }
      if (Date.now() - started < WAIT_MS) timer = setTimeout(attempt, TICK_MS)
    }
    timer = setTimeout(attempt, 0)
    return () => {
      if (timer) clearTimeout(timer)
    }
    // the scope function is read when the step changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step])
}
