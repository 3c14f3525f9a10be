/** The traffic-light colours the core's `light` maps to (presentation only). */
export type Light = 'green' | 'yellow' | 'red' | 'grey'

export const LIGHT_COLORS: Record<Light, string> = {
  green: '#43a047',
  yellow: '#e6a23c',
  red: '#d93025',
  grey: '#a8abb2',
}
