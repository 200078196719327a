// Real modal dialogs (role=dialog + aria-modal): Tab stays inside the top-most dialog, Esc closes it (never a control
// behind it), the page behind is inert, and focus returns to the control that opened it when it closes.
import { useEffect, type RefObject } from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'

// open dialogs, the top-most last: only it answers Tab and Esc
const stack: HTMLElement[] = []

export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.closest('[inert]') && el.getClientRects().length > 0
  )
}

/** The dialog's whole layer (its overlay, which scrolls), so nothing of a lower dialog stays reachable. */
const layerOf = (dialog: HTMLElement): HTMLElement =>
  dialog.parentElement && dialog.parentElement !== document.body ? dialog.parentElement : dialog

function setBackgroundInert(): void {
  const root = document.getElementById('root')
  if (root) root.inert = stack.length > 0
  // a lower dialog is inert under a higher one
  stack.forEach((dialog, i) => (layerOf(dialog).inert = i < stack.length - 1))
}

/** Makes `ref` a modal dialog while mounted. `initial` picks what gets focus first (default: the first control). */
export function useModalDialog(
  ref: RefObject<HTMLElement | null>,
  onClose: () => void,
  initial?: () => HTMLElement | null
): void {
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    stack.push(dialog)
    setBackgroundInert()
    ;(initial?.() ?? focusableIn(dialog)[0] ?? dialog).focus()

    const onKey = (event: KeyboardEvent) => {
      if (stack[stack.length - 1] !== dialog) return
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        onClose()
        return
      }
      if (event.key !== 'Tab') return
      const items = focusableIn(dialog)
      if (items.length === 0) return event.preventDefault()
      const first = items[0]
      const last = items[items.length - 1]
      const active = document.activeElement
      const outside = !(active instanceof Node) || !dialog.contains(active)
      if (event.shiftKey && (active === first || outside)) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && (active === last || outside)) {
        event.preventDefault()
        first.focus()
      }
    }
    // focus that escapes anyway (a click on the backdrop, a control that vanished) comes back inside
    const onFocusIn = (event: FocusEvent) => {
      if (stack[stack.length - 1] === dialog && event.target instanceof Node && !dialog.contains(event.target))
        (focusableIn(dialog)[0] ?? dialog).focus()
    }
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('focusin', onFocusIn)
    return () => {
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('focusin', onFocusIn)
      stack.splice(stack.indexOf(dialog), 1)
      layerOf(dialog).inert = false
      setBackgroundInert()
      // back to the opener when it is still on the page; else to the next dialog down
      const below = stack[stack.length - 1]
      if (opener?.isConnected && (!below || below.contains(opener))) opener.focus()
      else if (below) (focusableIn(below)[0] ?? below).focus()
    }
    // the dialog mounts once; onClose/initial are read at mount (stable store actions)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
}
