// Any other address under /web/.
import { h } from '../dom.js';
import { heading } from './common.js';

export function notFoundView() {
  return { title: 'Not found', element: h('div', { class: 'view' }, heading('Not found'), h('p', {}, 'There is nothing at this address.'), h('p', {}, h('a', { href: '/web/home' }, 'Go home'))) };
}

