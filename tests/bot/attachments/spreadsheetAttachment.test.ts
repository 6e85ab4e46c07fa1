import { describe, expect, it } from '@jest/globals';
import type { Attachment } from 'botbuilder';
import { findSpreadsheetAttachment, TEAMS_FILE_DOWNLOAD_INFO } from '../../../bot/attachments/spreadsheetAttachment.js';

function teamsFile(name: string, fileType: string, downloadUrl = `https://nhs-my.sharepoint.com/download?id=${name}`): Attachment {
  return {
    contentType: TEAMS_FILE_DOWNLOAD_INFO,
    contentUrl: `https://nhs-my.sharepoint.com/personal/manager/Documents/Microsoft Teams Chat Files/${name}`,
    name,
    content: { downloadUrl, uniqueId: '1d2b3c4d-0000-4000-8000-000000000000', fileType },
  };
}

const htmlCopy: Attachment = { contentType: 'text/html', content: '<div>here it is</div>' };

describe('finding the spreadsheet in a message', () => {
  it('finds an xlsx sent as a Teams file, skipping the html copy of the message', () => {
    expect(findSpreadsheetAttachment({ attachments: [htmlCopy, teamsFile('Staff list.xlsx', 'xlsx')] })).toEqual({
      ok: true,
      downloadUrl: 'https://nhs-my.sharepoint.com/download?id=Staff list.xlsx',
      fileName: 'Staff list.xlsx',
    });
  });

  it('goes by the file name when Teams leaves the type out', () => {
    expect(findSpreadsheetAttachment({ attachments: [teamsFile('USERS.XLSX', '')] }).ok).toBe(true);
  });

  it('asks for one file when several spreadsheets come at once', () => {
    const result = findSpreadsheetAttachment({ attachments: [teamsFile('a.xlsx', 'xlsx'), teamsFile('b.xlsx', 'xlsx')] });
    expect(result).toMatchObject({ ok: false, reason: 'several' });
  });

  it.each([
    ['old.xls', 'xls'],
    ['staff.csv', 'csv'],
  ])('explains how to save %s as an xlsx', (name, type) => {
    const result = findSpreadsheetAttachment({ attachments: [teamsFile(name, type)] });
    expect(result).toMatchObject({ ok: false, reason: 'oldFormat' });
    expect(!result.ok && result.message).toContain('Save As');
  });

  it('says when the file is something else, naming it as sent', () => {
    const result = findSpreadsheetAttachment({ attachments: [teamsFile('${secret} <b>plan</b>.pdf', 'pdf')] });
    expect(result).toMatchObject({ ok: false, reason: 'notSpreadsheet' });
    expect(!result.ok && result.message).toContain('"${secret} <b>plan</b>.pdf"');
  });

  it('says when there is no file at all, and when it is a picture', () => {
    expect(findSpreadsheetAttachment({})).toMatchObject({ ok: false, reason: 'noFile' });
    expect(findSpreadsheetAttachment({ attachments: [htmlCopy] })).toMatchObject({ ok: false, reason: 'noFile' });
    const picture = findSpreadsheetAttachment({ attachments: [{ contentType: 'image/png', contentUrl: 'https://x/y.png' }] });
    expect(!picture.ok && picture.message).toContain('picture');
  });

  it('ignores a Teams file entry without a download link', () => {
    const broken: Attachment = { contentType: TEAMS_FILE_DOWNLOAD_INFO, name: 'x.xlsx', content: { fileType: 'xlsx' } };
    expect(findSpreadsheetAttachment({ attachments: [broken] })).toMatchObject({ ok: false, reason: 'noFile' });
  });
});
