// Vue 3 with the in-DOM template compiled at run time (vue's esm-bundler
// build). `isCustomElement` tells Vue that <kineret-widget> is not a Vue
// component; `@kineret:dose` listens to the widget's event.
import { createApp, ref } from 'vue/dist/vue.esm-bundler.js';
import 'kineret-widget';

const app = createApp({
  setup() {
    const dose = ref(null);
    const lang = ref('en');
    /** @param {CustomEvent<import('kineret-widget').DoseOk>} e */
    const onDose = (e) => { dose.value = e.detail; };
    return { dose, lang, onDose };
  },
});
app.config.compilerOptions.isCustomElement = (tag) => tag === 'kineret-widget';
app.mount('#app');
