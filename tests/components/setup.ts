import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent, h } from 'vue'

/** The app imports Element Plus on demand at build time; tests register it whole instead. */
export function plugins(router?: Router) {
  const pinia = createPinia()
  setActivePinia(pinia)
  return router ? [ElementPlus, pinia, router] : [ElementPlus, pinia]
}

const Blank = (name: string) => defineComponent({ name, render: () => h('div', { 'data-page': name }) })

export async function testRouter(start = '/login'): Promise<Router> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: Blank('login') },
      { path: '/setup', component: Blank('setup') },
      { path: '/home', component: Blank('home') },
      { path: '/plan', component: Blank('plan') },
      { path: '/tasks', component: Blank('tasks') },
      { path: '/reports/mine', component: Blank('my-reports') },
    ],
  })
  await router.push(start)
  await router.isReady()
  return router
}
