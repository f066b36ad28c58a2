// The demo tenant's admin-consent screen: Accept calls the stand-in's real /adminconsent endpoint (through local
// mode, which trusts the stand-in's local certificate), the same URL the diagnosis card links to.
/* global URLSearchParams */
import { api } from './api.js';

const $ = (id) => document.getElementById(id);
const url = new URLSearchParams(window.location.search).get('url') ?? '';

async function start() {
  const info = await api.info();
  const tenant = info.tenant;
  $('tenant-name').textContent = tenant?.kind === 'demo' ? tenant.displayName : 'a real tenant (not changed here)';
  $('admin').textContent = `Signed in as ${info.me.displayName} (Global Administrator of the demo tenant)`;
  if (tenant?.kind !== 'demo') {
    $('accept').disabled = true;
    $('result').textContent = 'A real tenant is connected: open the consent link in your own browser session instead.';
  }
}

$('accept').addEventListener('click', async () => {
  $('accept').disabled = true;
  try {
    const result = await api.demoConsent(url);
    $('result').textContent = `${result.message} You can close this tab.`;
  } catch (error) {
    $('result').textContent = error.message;
    $('accept').disabled = false;
  }
});

$('cancel').addEventListener('click', () => {
  $('result').textContent = 'Consent cancelled: nothing changed. You can close this tab.';
});

start().catch((error) => {
  $('result').textContent = `The consent page could not load: ${error.message}`;
});
