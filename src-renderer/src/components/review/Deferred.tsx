// Mount heavy children one task after the rest of the screen (issue 14): opening the prepare screen is then two
// renderer tasks of about half the work each, instead of one long task the user feels as a freeze.
import { useEffect, useState, type ReactNode } from 'react'

export function Deferred({ children, placeholder = null }: { children: ReactNode; placeholder?: ReactNode }) {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), 0)
    return () => clearTimeout(timer)
  }, [])
  return <>{ready ? children : placeholder}</>
}
