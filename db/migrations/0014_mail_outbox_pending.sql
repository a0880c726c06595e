CREATE TABLE "mail_outbox_pending" (
	"mail_id" uuid PRIMARY KEY NOT NULL
);
