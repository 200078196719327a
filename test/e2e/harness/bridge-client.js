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

  // Uint8Array does not survive JSON. A message carrying bytes goes as ONE binary frame, as Electron's IPC passes bytes
  // without a text detour: [header length, 4 bytes][header: { json, sizes }][the bytes…], each blob a { $blob: i } in
  // json. (Base64 text cost a 4.6 MB file ~0.3-0.5 s of renderer time in one task, which the app never spends; issue 14.)
  function encode(message) {
    const blobs = []
    const json = JSON.stringify(message, (_key, value) => {
      if (value instanceof Uint8Array) return { $blob: blobs.push(value) - 1 }
      if (value instanceof ArrayBuffer) return { $blob: blobs.push(new Uint8Array(value)) - 1 }
      return value
    })
    if (!blobs.length) return json
    const header = new TextEncoder().encode(JSON.stringify({ json, sizes: blobs.map((b) => b.length) }))
    const frame = new Uint8Array(4 + header.length + blobs.reduce((n, b) => n + b.length, 0))
    new DataView(frame.buffer).setUint32(0, header.length)
    frame.set(header, 4)
    let at = 4 + header.length
    for (const blob of blobs) {
      frame.set(blob, at)
      at += blob.length
    }
    return frame
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
