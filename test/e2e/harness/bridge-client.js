/* global window, location */
// Init script for the browser harness: defines window.orderdock with the same shape the preload exposes
// ({ invoke(method, args), on(listener) → unsubscribe }) and carries the calls over a loopback WebSocket.
// The harness fills in METHODS with the contract's method names.
;(() => {
  if (window.orderdock || (location.protocol !== 'http:' && location.protocol !== 'https:')) return
  // eslint-disable-next-line no-undef -- filled in by the harness
  const METHODS = __ORDERDOCK_METHODS__
  const pending = new Map()
  const listeners = new Set()
  let nextId = 1
  let socket = null
  let opened = null

  function toBase64(bytes) {
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000))
    return btoa(binary)
  }

  // Uint8Array does not survive JSON: send it as { $bytes: base64 } and let the server turn it back
  function encode(message) {
    return JSON.stringify(message, (_key, value) => {
      if (value instanceof Uint8Array) return { $bytes: toBase64(value) }
      if (value instanceof ArrayBuffer) return { $bytes: toBase64(new Uint8Array(value)) }
      return value
    })
  }

  function failAll(message) {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'disconnected', message } })
    pending.clear()
  }

  function connect() {
    if (opened) return opened
    opened = new Promise((resolve) => {
      socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge`)
      socket.addEventListener('open', () => resolve(socket))
      socket.addEventListener('message', (event) => {
        const message = JSON.parse(event.data)
        if (message.event) {
          for (const listener of [...listeners]) listener(message.event)
        } else if (pending.has(message.id)) {
          pending.get(message.id)(message.result)
          pending.delete(message.id)
        }
      })
      socket.addEventListener('close', () => {
        failAll('The harness connection closed.')
        opened = null
        resolve(null)
      })
    })
    return opened
  }

  const bridge = {
    invoke(method, args) {
      if (!METHODS.includes(method)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown_method', message: `No such method: ${String(method).slice(0, 80)}` }
        })
      }
      return connect().then(
        (open) =>
          new Promise((resolve) => {
            if (!open)
              return resolve({ ok: false, error: { code: 'disconnected', message: 'The harness is not reachable.' } })
            const id = nextId++
            pending.set(id, resolve)
            open.send(encode({ id, method, args }))
          })
      )
    },
    on(listener) {
      listeners.add(listener)
      void connect()
      return () => {
        listeners.delete(listener)
      }
    }
  }
  Object.defineProperty(window, 'orderdock', { value: Object.freeze(bridge), enumerable: true })
  void connect()
})()
