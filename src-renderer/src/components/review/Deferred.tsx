// Mount heavy children in tasks of their own after the rest of the screen (issue 14): opening the prepare screen is
// then a few renderer tasks of part of the work each, instead of one long task the user feels as a freeze.
import { useEffect, useState, type ReactNode } from 'react'
import { flushSync } from 'react-dom'

/** Deferred parts waiting to mount, in the order they were rendered: one per task. */
const waiting: (() => void)[] = []

function mountNext(): void {
  const mount = waiting.shift()
  if (!mount) return
  // rendered and committed in this task, so the next part can never join it in one render
  flushSync(mount)
  setTimeout(mountNext, 0)
}

export function Deferred({ children, placeholder = null }: { children: ReactNode; placeholder?: ReactNode }) {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let mounted = true
    const mount = () => mounted && setReady(true)
    waiting.push(mount)
    if (waiting.length === 1) setTimeout(mountNext, 0)
    return () => {
      mounted = false
      const at = waiting.indexOf(mount)
      if (at >= 0) waiting.splice(at, 1)
    }
  }, [])
  return <>{ready ? children : placeholder}</>
}
