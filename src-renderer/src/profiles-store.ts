// Connections screen state (zustand): which screen and profile is open, what is running, what went wrong. The profile
// list itself is the profiles query (queries/profiles.ts). The renderer never holds a saved token: it sends one once
// and gets { saved, last4 } back.
import { create } from 'zustand'
import type {
  ApiError,
  ConnectionCheckView,
  MethodArgs,
  ProfileView,
  ShoplineChoice,
  ShoplineOptionsView
} from '../../src-main/ipc/contract'
import { asApiError, call } from './api'
import { keys } from './queries/keys'
import { mutate } from './queries/mutation'
import { profileChanges } from './queries/profiles'

export type ProfileDraft = MethodArgs<'profiles.save'>
/** 'new' while adding a profile. */
export type Selection = string | 'new' | null

interface ProfilesState {
  open: boolean
  selected: Selection
  busy: string | null
  error: ApiError | null
  checks: Record<string, ConnectionCheckView | 'running'>
  options: Record<string, ShoplineOptionsView | 'loading'>
  show(): void
  hide(): void
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

export const useProfilesStore = create<ProfilesState>()((set) => {
  /** A profile mutation: shown as busy while it runs, its failure becomes the shown error; the list is read again. */
  async function change<T>(name: string, run: () => Promise<T>): Promise<T | null> {
    set({ busy: name, error: null })
    try {
      return await mutate({ scope: 'profiles', run, invalidates: profileChanges })
    } catch (error) {
      set({ error: asApiError(error) })
      return null
    } finally {
      set({ busy: null })
    }
  }

  return {
    open: false,
    selected: null,
    busy: null,
    error: null,
    checks: {},
    options: {},

    show: () => set({ open: true, error: null }),
    hide: () => set({ open: false, error: null }),

    select: (selected) => set({ selected, error: null }),

    async save(draft) {
      const saved = await change('save', () => call('profiles.save', draft))
      if (saved) set((s) => ({ selected: saved.id, checks: without(s.checks, saved.id) }))
      return saved
    },

    saveShopline(profile, choice) {
      return change('shopline', () =>
        call('profiles.save', {
          id: profile.id,
          name: profile.name,
          destination: profile.destination,
          shopline: choice
        })
      )
    },

    async remove(id) {
      const removed = await change('remove', () => call('profiles.remove', { id }))
      if (removed) set((s) => ({ selected: null, checks: without(s.checks, id), options: without(s.options, id) }))
    },

    async setToken(id, token) {
      const status = await change('token', () => call('profiles.setToken', { id, token }))
      // a new token makes the last check and the fetched lists stale
      if (status) set((s) => ({ checks: without(s.checks, id), options: without(s.options, id) }))
      return status !== null
    },

    async deleteToken(id) {
      await change('token', () => call('profiles.deleteToken', { id }))
      set((s) => ({ checks: without(s.checks, id), options: without(s.options, id) }))
    },

    async test(id) {
      set((s) => ({ checks: { ...s.checks, [id]: 'running' }, error: null }))
      try {
        // the rehearsal server may start on the way: the list shows its address afterwards
        const check = await mutate({
          run: () => call('profiles.test', { id }),
          invalidates: () => [keys.profiles]
        })
        set((s) => ({ checks: { ...s.checks, [id]: check } }))
      } catch (error) {
        set((s) => ({ checks: without(s.checks, id), error: asApiError(error) }))
      }
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
