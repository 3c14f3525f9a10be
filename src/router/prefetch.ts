/**
 * Loads a page's code while the browser is idle, so the first visit does not wait for it: the dashboard's
 * chunk carries ECharts, the largest part of the app, and a leader opens the dashboard soon after login.
 */
export function prefetchWhenIdle(load: () => Promise<unknown>, timeoutMs = 2000): void {
  const run = () => void load().catch(() => undefined) // a failed prefetch is retried by the real visit
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: timeoutMs })
  else setTimeout(run, 200)
}

/** The same import the router makes for the dashboard route, so the browser's module cache serves the visit. */
export const loadDashboardPage = () => import('@/views/dashboard/DashboardPage.vue')
