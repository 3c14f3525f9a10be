import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
// ElMessage is called from code, not a template, so the on-demand resolver never sees it: its style comes here
import 'element-plus/es/components/message/style/css'
// likewise the conflict dialog (ElMessageBox, src/api/conflict.ts)
import 'element-plus/es/components/message-box/style/css'
import './styles/index.css'

const app = createApp(App)
app.use(createPinia())
app.use(createAppRouter())
app.mount('#app')
