import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { extractLinks, splitLinks } from "@/lib/mail/links";
import { escapeHtml, renderEmail, TEMPLATE_NAMES, templates, type TTemplateName, type TTemplateParams } from "@/lib/mail/templates";

const URL_WITH_QUERY = "http://localhost:3000/verify-email?token=abc123&next=%2Faccount";

// One sample per template, each with a hostile name so escaping is checked everywhere.
const HOSTILE_NAME = `<script>alert("x")</script> & 'Taro'`;
const SAMPLES: { [K in TTemplateName]: TTemplateParams[K] } = {
  emailVerification: { name: HOSTILE_NAME, url: URL_WITH_QUERY },
  passwordReset: { name: HOSTILE_NAME, url: "https://kizuna.example/reset-password?token=t0k" },
  staffApproved: { name: HOSTILE_NAME, signInUrl: "https://kizuna.example/sign-in" },
  staffRejected: { name: HOSTILE_NAME, reason: "Agency <b>unknown</b>" },
  passwordChanged: { name: HOSTILE_NAME },
  notification: { name: HOSTILE_NAME, text: "New match: Faisalabad dairy park (score 82)", url: "https://kizuna.example/investor/matches" },
  notificationDigest: {
    name: HOSTILE_NAME,
    total: 3,
    items: [
      { text: "New match: Faisalabad dairy park (score 82)", url: "https://kizuna.example/investor/matches" },
      { text: "A listing you saved was updated: Reko Diq", url: "https://kizuna.example/opportunities/x" },
    ],
  },
  introduction: {
    name: HOSTILE_NAME,
    audience: "AGENCY",
    listingTitle: "Faisalabad dairy park",
    counterpart: "Sakura Capital (Taro)",
    contact: { name: "Taro Yamada", organization: "Sakura Capital", email: "taro@sakura.example", phone: null },
    note: "Both sides asked for a site visit in March.",
    url: "https://kizuna.example/opportunities/x",
  },
};

const CASES = TEMPLATE_NAMES.flatMap((template) => LOCALES.map((locale) => [template, locale] as const));

describe("email templates", () => {
  it("cover every template", () => {
    expect(Object.keys(templates).sort()).toEqual([...TEMPLATE_NAMES].sort());
  });

  it.each(CASES)("%s renders in %s with no placeholder left and the name escaped", (template, locale) => {
    const email = renderEmail(template, SAMPLES[template], locale);
    for (const part of [email.subject, email.text, email.html]) {
      expect(part.trim()).not.toBe("");
      // An ICU argument that was not replaced, or a key that fell back to its path.
      expect(part).not.toMatch(/\{\s*\w+\s*\}/);
      expect(part).not.toMatch(/\bmail\.\w+\.\w+/);
    }
    expect(email.subject).not.toContain(HOSTILE_NAME);
    // Plain text carries the name as given; HTML only escaped.
    expect(email.text).toContain(HOSTILE_NAME);
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Taro&#39;");
    expect(email.html).toContain(`<html lang="${locale}">`);
  });

  it("put each link alone on a line of the text body and escape it in HTML", () => {
    const email = templates.emailVerification({ name: "Aiko", url: URL_WITH_QUERY }, "en");
    expect(email.text.split("\n")).toContain(URL_WITH_QUERY);
    expect(extractLinks(email.text)).toEqual([URL_WITH_QUERY]);
    expect(email.html).toContain(`href="${URL_WITH_QUERY.replace("&", "&amp;")}"`);
    expect(email.html).not.toContain(`href="${URL_WITH_QUERY}"`);
  });

  it("are written in the recipient's language", () => {
    for (const template of TEMPLATE_NAMES) {
      const en = renderEmail(template, SAMPLES[template], "en");
      const ja = renderEmail(template, SAMPLES[template], "ja");
      expect(ja.subject).not.toBe(en.subject);
      expect(ja.text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(en.text).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(templates.passwordChanged({ name: "山田 太郎" }, "ja").text.startsWith("山田 太郎 様\n")).toBe(true);
  });

  it("tell the reset link lasts 60 minutes and can be ignored", () => {
    const en = templates.passwordReset({ name: "Aiko", url: "https://kizuna.example/r?t=1" }, "en");
    expect(en.text).toContain("60 minutes");
    expect(en.text).toMatch(/did not ask.*ignore this email/);
    const ja = templates.passwordReset({ name: "Aiko", url: "https://kizuna.example/r?t=1" }, "ja");
    expect(ja.text).toContain("60分");
    expect(ja.text).toContain("破棄");
  });

  it("include the rejection reason only when one is given, escaped in HTML", () => {
    const withReason = templates.staffRejected({ name: "Aiko", reason: "Agency <b>unknown</b>" }, "en");
    expect(withReason.text).toContain("Reason given: Agency <b>unknown</b>");
    expect(withReason.html).toContain("Agency &lt;b&gt;unknown&lt;/b&gt;");
    for (const reason of [undefined, "", "   "]) {
      const without = templates.staffRejected({ name: "Aiko", reason }, "en");
      expect(without.text).not.toContain("Reason given");
      expect(templates.staffRejected({ name: "Aiko", reason }, "ja").text).not.toContain("理由");
    }
  });

  it.each(["javascript:alert(1)", "/relative/path", "not a url", "ftp://kizuna.example/x"])("refuse the link %s", (url) => {
    expect(() => templates.passwordReset({ name: "Aiko", url }, "en")).toThrow(/Email link/);
  });
});

describe("escapeHtml", () => {
  it("escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});

describe("links in text bodies", () => {
  it.each([
    ["Open http://localhost:3000/verify-email?token=abc123 now.", ["http://localhost:3000/verify-email?token=abc123"]],
    ["(see https://kizuna.example/a/b)", ["https://kizuna.example/a/b"]],
    ["リンク：https://kizuna.example/r?t=1。", ["https://kizuna.example/r?t=1"]],
    ["two: http://a.example/1\nhttps://b.example/2", ["http://a.example/1", "https://b.example/2"]],
    ["no link here, javascript:alert(1)", []],
  ])("%j → %j", (text, links) => {
    expect(extractLinks(text)).toEqual(links);
    expect(splitLinks(text).map((segment) => segment.value).join("")).toBe(text);
  });

  it("introduce each side with the other's contact details, and leave out what is unknown", () => {
    const investor = templates.introduction(
      {
        name: "Aiko",
        audience: "INVESTOR",
        listingTitle: "Faisalabad dairy park",
        counterpart: "FIEDMC",
        contact: { name: "Bilal Khan", organization: "FIEDMC", email: "bilal@fiedmc.example.pk", phone: null },
        url: "https://kizuna.example/investor/matches",
      },
      "en",
    );
    expect(investor.subject).toBe("Kizuna introduction: Faisalabad dairy park");
    expect(investor.text).toContain("introduce you to FIEDMC about Faisalabad dairy park");
    expect(investor.text).toContain("Email: bilal@fiedmc.example.pk");
    expect(investor.text).not.toContain("Phone:");
    expect(investor.text).not.toContain("A note from the Kizuna team");
    const agency = templates.introduction({ ...SAMPLES.introduction, name: "Bilal" }, "ja");
    expect(agency.text).toContain("Sakura Capital (Taro)をご紹介いたします");
    expect(agency.text).toContain("メール：taro@sakura.example");
    expect(agency.text).toContain("Kizunaチームより：Both sides asked for a site visit in March.");
  });
});
