import { describe, expect, it } from 'vitest';
import { stripBotMention } from '../../src/webex/mentions.js';

const botId = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ib3Q';
const mention = (label: string, id = botId): string => `<spark-mention data-object-type="person" data-object-id="${id}">${label}</spark-mention>`;

describe('stripBotMention', () => {
  it('removes the label the client used, read from the html', () => {
    const text = 'AAD Doc check my tenant';
    expect(stripBotMention({ text, html: `<p>${mention('AAD Doc')} check my tenant</p>`, botId, botDisplayName: 'Azure AD Doctor' })).toBe('check my tenant');
  });

  it('falls back to the display name, then its first word, and eats separators after it', () => {
    expect(stripBotMention({ text: 'Azure AD Doctor: help', botId, botDisplayName: 'Azure AD Doctor' })).toBe('help');
    expect(stripBotMention({ text: 'Azure, help', botId, botDisplayName: 'Azure AD Doctor' })).toBe('help');
  });

  it('keeps line breaks of a pasted block', () => {
    const text = 'Doctor Referrer: x\nTracking ID: ATLAS_1\n';
    expect(stripBotMention({ text, html: `<p>${mention('Doctor')} Referrer: x<br/>Tracking ID: ATLAS_1</p>`, botId, botDisplayName: 'Doctor' })).toBe('Referrer: x\nTracking ID: ATLAS_1\n');
  });

  it('only strips a whole label, and only the bot’s', () => {
    expect(stripBotMention({ text: 'Doctorate question', botId, botDisplayName: 'Doctor' })).toBe('Doctorate question');
    expect(stripBotMention({ text: 'Bob please look', html: `<p>${mention('Bob', 'other')} please look</p>`, botId, botDisplayName: 'Doctor' })).toBe('Bob please look');
  });

  it('decodes entities in the label and handles a label that is the whole message', () => {
    expect(stripBotMention({ text: 'R&D Bot', html: `<p>${mention('R&amp;D Bot')}</p>`, botId, botDisplayName: 'x' })).toBe('');
  });
});
