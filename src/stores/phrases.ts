import { defineStore } from 'pinia'
import { ref } from 'vue'
import { invoke } from '@/api/client'

/** 常用批示语: read once, edited in settings. */
export const usePhrasesStore = defineStore('phrases', () => {
  const phrases = ref<string[] | null>(null)
  const saving = ref(false)

  async function load(force = false): Promise<string[]> {
    if (phrases.value && !force) return phrases.value
    phrases.value = await invoke('settings.instructionPhrases', {})
    return phrases.value
  }

  async function save(list: string[]): Promise<string[]> {
    saving.value = true
    try {
      phrases.value = await invoke('settings.setInstructionPhrases', { phrases: list })
      return phrases.value
    } finally {
      saving.value = false
    }
  }

  return { phrases, saving, load, save }
})
