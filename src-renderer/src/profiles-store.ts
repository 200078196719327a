// Connections screen state (zustand). The renderer never holds a saved token: it sends one once and gets { saved, last4 } back.
import { create } from 'zustand'
import type {
  ApiError,
  ConnectionCheckView,
  MethodArgs,
  ProfileListView,
  ProfileView,
  ShoplineChoice,
  ShoplineOptionsView
} from '../../src-main/ipc/contract'
import { asApiError, call } from './api'

export type ProfileDraft = MethodArgs<'profiles.save'>
/** 'new' while adding a profile. */
export type Selection = string | 'new' | null

interface ProfilesState {
  open: boolean
  list: ProfileListView | null
  selected: Selection
  busy: string | null
  error: ApiError | null
  checks: Record<string, ConnectionCheckView | 'running'>
  options: Record<string, ShoplineOptionsView | 'loading'>
  show(): void
  hide(): void
  refresh(): Promise<void>
  select(selection: Selection): void
  save(draft: ProfileDraft): Promise<ProfileView | null>
  saveShopline(profile: ProfileView, choice: ShoplineChoice): Promise<ProfileView | null>
  remove(id: string): Promise<void>
  setToken(id: string, token: string): Promise<boolean>
  deleteToken(id: string): Promise<void>
  test(id: string): Promise<void>
  loadOptions(id: string): Promise<void>
  dismissError(): void
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const next = { ...record }
  delete next[key]
  return next
}

export const useProfilesStore = create<ProfilesState>()((set, get) => {
  /** Run one action; its failure becomes the shown error, and the list is re-read afterwards. */
  async function act<T>(name: string, action: () => Promise<T>): Promise<T | null> {
    set({ busy: name, error: null })
    try {
      const result = await action()
      set({ busy: null })
      return result
    } catch (error) {
      set({ busy: null, error: asApiError(error) })
      return null
    } finally {
      void get().refresh()
    }
  }

  return {
    open: false,
    list: null,
    selected: null,
    busy: null,
    error: null,
    checks: {},
    options: {},

    show() {
      set({ open: true, error: null })
      void get().refresh()
    },
    hide: () => set({ open: false, error: null }),

    async refresh() {
      try {
        const list = await call('profiles.list', {})
        const { selected } = get()
        const stillThere = selected === 'new' || list.profiles.some((p) => p.id === selected)
        set({ list, selected: stillThere ? selected : (list.profiles[0]?.id ?? null) })
      } catch (error) {
        set({ error: asApiError(error) })
      }
    },

    select: (selected) => set({ selected, error: null }),

    async save(draft) {
      const saved = await act('save', () => call('profiles.save', draft))
      if (saved) set((s) => ({ selected: saved.id, checks: without(s.checks, saved.id) }))
      return saved
    },

    saveShopline(profile, choice) {
      return act('shopline', () =>
        call('profiles.save', {
          id: profile.id,
          name: profile.name,
          destination: profile.destination,
          shopline: choice
        })
      )
    },

    async remove(id) {
      const removed = await act('remove', () => call('profiles.remove', { id }))
      if (removed) set((s) => ({ selected: null, checks: without(s.checks, id), options: without(s.options, id) }))
    },

    async setToken(id, token) {
      const status = await act('token', () => call('profiles.setToken', { id, token }))
      // a new token makes the last check and the fetched lists stale
      if (status) set((s) => ({ checks: without(s.checks, id), options: without(s.options, id) }))
      return status !== null
    },

    async deleteToken(id) {
      await act('token', () => call('profiles.deleteToken', { id }))
      set((s) => ({ checks: without(s.checks, id), options: without(s.options, id) }))
    },

    async test(id) {
      set((s) => ({ checks: { ...s.checks, [id]: 'running' }, error: null }))
      try {
        const check = await call('profiles.test', { id })
        set((s) => ({ checks: { ...s.checks, [id]: check } }))
      } catch (error) {
        set((s) => ({ checks: without(s.checks, id), error: asApiError(error) }))
      }
      // the rehearsal server may have just started: show its address
      void get().refresh()
    },

    async loadOptions(id) {
      set((s) => ({ options: { ...s.options, [id]: 'loading' }, error: null }))
      try {
        const options = await call('profiles.shoplineOptions', { id })
        set((s) => ({ options: { ...s.options, [id]: options } }))
      } catch (error) {
        set((s) => ({ options: without(s.options, id), error: asApiError(error) }))
      }
    },

    dismissError: () => set({ error: null })
  }
})
