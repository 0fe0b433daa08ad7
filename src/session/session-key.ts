/** Where the session lives in sessionStorage (zustand's persist format: { state, version }). */
export const SESSION_STORAGE_KEY = 'nebula.session';
