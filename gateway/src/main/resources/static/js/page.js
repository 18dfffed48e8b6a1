// A page that is only its text, as the server wrote it (an error page, say): the header and footer,
// the texts in the chosen language, and the page's title in it too.
import { t } from './i18n.js';
import { startPage } from './layout.js';

startPage({
  render() {
    const key = document.querySelector('[data-title-key]')?.dataset.titleKey;
    if (key) document.title = `${t(key)} · MBO Connect`;
  },
});
