/**
 * What an admin pastes, shortened from Control Hub's "Copy Debug Info" (always English, whatever the UI
 * language). The ids are made up: a real customer's ids never ship in the bot.
 */
export const EXAMPLE_PASTE_LINES: readonly string[] = [
  'Azure AD integration error. The request was unauthorized. Please sign out and try again. TrackingID: ATLAS_6f1c2a9e-3b7d-4e58-a0c4-9d2e7b1f5a36_42',
  'Control Hub Build: 20230519-182b260',
  'View Org ID: 5c3e8f21-7a94-4d0b-b6e2-1f9a8c7d6e54',
  'Logged-in User Clock UTC: Sun, 21 May 2023 22:44:59 GMT',
  'Status: 401',
  'URL: https://identity-b-us.webex.com/extIntegration/azureAD/5c3e8f21-7a94-4d0b-b6e2-1f9a8c7d6e54/v1/WebexApplications/status',
  'Tracking ID: ATLAS_6f1c2a9e-3b7d-4e58-a0c4-9d2e7b1f5a36_42',
  'Error: {"error":{"key":"401","message":[{"code":"701018","description":"Request unauthorized. client-request-id: 0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f"}]}}',
];
