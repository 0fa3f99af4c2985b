// Profile settings (update_credentials) and the theme.
import { request } from '../api.js';
import { append, h, toast } from '../dom.js';
import { state } from '../state.js';
import { avatar } from '../status.js';
import { heading } from './common.js';

function field(id, label, control, hint) {
  control.id = id;
  return h('div', { class: 'form-field' }, h('label', { for: id }, label), control, hint ? h('p', { class: 'hint muted' }, hint) : null);
}

function checkbox(id, label, checked, hint) {
  return h('div', { class: 'form-check' }, h('input', { type: 'checkbox', id, name: id, checked: Boolean(checked) }),
    h('label', { for: id }, label), hint ? h('p', { class: 'hint muted' }, hint) : null);
}

export function settingsView({ applyTheme }) {
  const me = state.me;
  const source = me.source || {};
  const fields = [...(source.fields || [])];
  while (fields.length < 4) fields.push({ name: '', value: '' });
  const form = h('form', { class: 'settings-form', 'aria-label': 'Profile settings' });
  const avatarPreview = avatar(me, 'large');
  append(form,
    h('h2', {}, 'Profile'),
    field('display_name', 'Display name', h('input', { type: 'text', name: 'display_name', value: me.display_name || '', maxlength: 30 })),
    field('note', 'Bio', h('textarea', { name: 'note', rows: 4, value: source.note || '', maxlength: 500 })),
    h('div', { class: 'row' }, avatarPreview,
      field('avatar', 'Avatar', h('input', { type: 'file', name: 'avatar', accept: 'image/png,image/jpeg,image/gif,image/webp' }), 'PNG, GIF, JPEG or WebP')),
    field('header', 'Header image', h('input', { type: 'file', name: 'header', accept: 'image/png,image/jpeg,image/gif,image/webp' })),
    h('fieldset', { class: 'fields-editor' }, h('legend', {}, 'Profile fields'),
      fields.slice(0, 4).map((f, i) => h('div', { class: 'field-pair' },
        field(`field-name-${i}`, `Label ${i + 1}`, h('input', { type: 'text', name: `fields_attributes[${i}][name]`, value: f.name, maxlength: 255 })),
        field(`field-value-${i}`, `Content ${i + 1}`, h('input', { type: 'text', name: `fields_attributes[${i}][value]`, value: f.value, maxlength: 255 }))))),
    h('h2', {}, 'Privacy'),
    checkbox('locked', 'Approve followers by hand', me.locked),
    checkbox('discoverable', 'Feature this profile in the directory and suggestions', me.discoverable),
    checkbox('indexable', 'Let search engines and full-text search find my public posts', me.indexable),
    field('privacy', 'Default visibility of new posts', h('select', { name: 'source[privacy]' },
      [['public', 'Public'], ['unlisted', 'Unlisted'], ['private', 'Followers only']].map(([v, l]) => h('option', { value: v, selected: source.privacy === v }, l)))),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Save profile')));
  form.querySelector('select[name="source[privacy]"]').value = source.privacy || 'public';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = new FormData();
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === 'file') { if (el.files[0]) body.append(el.name, el.files[0]); }
      else if (el.type === 'checkbox') body.append(el.name, el.checked ? 'true' : 'false');
      else body.append(el.name, el.value);
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const { data } = await request('PATCH', '/api/v1/accounts/update_credentials', { form: body });
      state.me = data;
      avatarPreview.replaceWith(avatar(data, 'large'));
      window.dispatchEvent(new CustomEvent('vmst:me-changed'));
      toast('Profile saved');
    } catch (error) {
      toast(`Could not save: ${error.message}`, 'error');
    } finally {
      button.disabled = false;
    }
  });

  const theme = h('select', { name: 'theme' }, [['auto', 'Follow the system'], ['light', 'Light'], ['dark', 'Dark']].map(([v, l]) => h('option', { value: v }, l)));
  theme.value = localStorage.getItem('vmst.theme') || 'auto';
  theme.addEventListener('change', () => applyTheme(theme.value));
  const appearance = h('section', { class: 'settings-form' }, h('h2', {}, 'Appearance'), field('theme', 'Theme', theme));
  return { title: 'Settings', element: h('div', { class: 'view' }, heading('Settings'), form, appearance) };
}

