import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

/** One message. Jourbok's e-mail never carries personal data: counts and links only. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

const mailers = new WeakMap<Readonly<Config>, Mailer | null>();

/** The SMTP mailer of a configuration (JOURBOK_SMTP_URL), or null when none is configured. */
export function mailerOf(config: Readonly<Config>): Mailer | null {
  if (mailers.has(config)) return mailers.get(config)!;
  let mailer: Mailer | null = null;
  if (config.smtpUrl) {
    // Short timeouts: the outbox sends while holding its rows, and a signing link is sent while the user waits.
    const transport: Transporter = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    mailer = {
      async send(message) {
        await transport.sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.text });
      },
    };
  }
  mailers.set(config, mailer);
  return mailer;
}
