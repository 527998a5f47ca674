/// <reference types="vite/client" />
declare const __APP_VERSION__: string;
declare const __BUILD_ID__: string;
/** Origins partnership sync may reach besides the app's own (ICS_SYNC_ORIGINS at build). */
declare const __SYNC_ORIGINS__: readonly string[];
