import { createHash } from 'node:crypto';

/** The GOV.UK-like house style every public page shares: the complaint form and the complainant's own page. */
export const HOUSE_STYLE = `
body{font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.32;color:#0b0c0c;margin:0;background:#fff}
main{max-width:960px;margin:0 auto;padding:30px 15px;overflow-wrap:anywhere}
h1{font-size:36px;margin:0 0 30px}h2{font-size:24px;margin:30px 0 15px}
.field{margin:0 0 30px}.field--error{border-left:5px solid #d4351c;padding-left:15px}
label,legend{display:block;font-weight:700;margin-bottom:5px}
.hint{display:block;color:#505a5f;margin-bottom:15px}
.error-message{display:block;color:#d4351c;font-weight:700;margin-bottom:15px}
input[type=text],input[type=email],input[type=tel],input[type=date],input[type=time],select,textarea{font:inherit;width:100%;max-width:30em;padding:5px;border:2px solid #0b0c0c;box-sizing:border-box}
textarea{max-width:40em}
input.width-short{max-width:15em}input.width-date{max-width:12em}input.width-narrow{max-width:8em}
input:focus,select:focus,textarea:focus,button:focus,a:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px}
.field--error input,.field--error textarea,.field--error select{border-color:#d4351c}
fieldset{border:0;padding:0;margin:0 0 30px}
.checkbox{display:flex;gap:10px;align-items:flex-start}.checkbox input{width:28px;height:28px;margin:0}
.checkbox label{font-weight:400}
button{font:inherit;background:#00703c;color:#fff;border:0;padding:10px 15px;box-shadow:0 2px 0 #002d18;cursor:pointer}
.error-summary{border:5px solid #d4351c;padding:20px;margin-bottom:30px}
.error-summary h2{margin-top:0}.error-summary a{color:#d4351c;font-weight:700}
.notice{border-left:10px solid #1d70b8;padding:15px;margin-bottom:30px}
.honeypot{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.reference{font-size:36px;font-weight:700;background:#00703c;color:#fff;padding:25px;text-align:center}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.skip-link:not(:focus){position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.skip-link:focus{display:block;padding:10px 15px;background:#fd0;color:#0b0c0c}
.letter{margin-bottom:20px;white-space:pre-wrap;font-family:inherit;background:#f3f2f1;padding:15px;border-left:5px solid #b1b4b6;overflow-wrap:anywhere}
.success{border:5px solid #00703c;padding:20px;margin-bottom:30px}
details{margin-bottom:15px}summary{cursor:pointer;color:#1d70b8;text-decoration:underline}
dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:10px 30px}dl.summary dt{font-weight:700}dl.summary dd{margin:0}
button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
.console-header{display:flex;justify-content:space-between;align-items:center;background:#0b0c0c;color:#fff;padding:10px 15px}.console-header a{color:#fff;font-weight:700}.console-header form{display:flex;gap:10px;align-items:center}
table{border-collapse:collapse;width:100%;margin-bottom:30px}th,td{text-align:left;padding:10px;border-bottom:1px solid #b1b4b6;vertical-align:top}
ol.timeline li{margin-bottom:10px}
.field form{margin-bottom:20px}
.report-chart{margin:0 0 30px}.report-chart img{max-width:100%;height:auto}
.printed-letter{max-width:170mm;margin:0 0 30px;padding:15mm;border:1px solid #b1b4b6;font-size:16px;line-height:1.4}
.printed-letter p{margin:0 0 1em}.printed-letter h1,.printed-letter h2{font-size:inherit;margin:1.2em 0 .6em}
.printed-letter-from{margin-left:auto!important;width:fit-content;max-width:70%}.printed-letter-to{margin-top:2em!important;max-width:55%}
.printed-letter-paragraph{white-space:pre-line;overflow-wrap:anywhere}.printed-letter--large{font-size:16pt}
@media print{body{font-size:11pt}main{max-width:none;padding:0}.console-header,.visually-hidden,.skip-link,.no-print{display:none}.report-section,.report-chart,tr{break-inside:avoid}a{color:inherit}.printed-letter{max-width:none;padding:0;border:0;font-size:11pt;line-height:1.35}.printed-letter h1,.printed-letter h2{break-after:avoid}.printed-letter p{orphans:3;widows:3}.printed-letter.printed-letter--large{font-size:16pt}@page{size:A4;margin:20mm}}
`;

/** The style's CSP source: pages allow exactly this inline stylesheet and no other. */
export const HOUSE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(HOUSE_STYLE).digest('base64')}'`;
