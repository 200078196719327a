// Saved mapping templates: listed when the manager opens; rename and remove refresh the list.
import { useQuery } from '@tanstack/react-query'
import type { TemplateView } from '../../../src-main/ipc/contract'
import { call } from '../api'
import { keys } from './keys'
import { mutate } from './mutation'

export function useTemplates(enabled: boolean): TemplateView[] | null {
  const query = useQuery({ queryKey: keys.templates, queryFn: () => call('templates.list', {}), enabled })
  return query.data ?? null
}

export const renameTemplate = (id: string, name: string) =>
  mutate({ run: () => call('templates.rename', { id, name }), invalidates: () => [keys.templates] })

export const removeTemplate = (id: string) =>
  mutate({ run: () => call('templates.remove', { id }), invalidates: () => [keys.templates] })
