// The one QueryClient: the cache of main-process data (profiles, plans, templates, sessions, row and result pages).
import { QueryClient } from '@tanstack/react-query'

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // main is the only writer and every mutation here invalidates what it changes: no refetch on a timer or focus
      staleTime: Infinity,
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // main is local IPC: an offline computer (navigator.onLine false) must not pause anything
      networkMode: 'always'
    },
    mutations: { networkMode: 'always', retry: false }
  }
})
