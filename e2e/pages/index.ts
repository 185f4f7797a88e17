export { DashboardPage } from "./dashboard-page";
export { InvitationPage } from "./invitation-page";
export { LoginPage } from "./login-page";
export { MembersPage } from "./members-page";
export { RegisterPage } from "./register-page";
export { EventPage, OwnSignupPage } from "./event-page";
export { CampaignEditor, CampaignsDashboard, EventEditor } from "./dashboard-campaigns";
export { AttendeeMessagePage, MailboxPage } from "./mailbox-page";
