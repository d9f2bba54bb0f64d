/**
 * The inline style sheet and script of the HTML audit report. Both are constants (no external
 * resource, no framework): the page must open offline and print.
 */

/** The style sheet: screen layout, the amendment badge, the highlighted link target, and print rules. */
export const CSS = `
:root{--ink:#1b1f24;--mute:#5b6470;--line:#d5dae0;--band:#f4f6f8;--link:#0b4f9c;--am:#8a4b00;--amb:#fff1dc;--hit:#fff7c2}
*{box-sizing:border-box}
[id]{scroll-margin-top:48px}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:1200px;margin:0 auto;padding:0 20px 60px}
h1{font-size:22px;margin:18px 0 4px}
h2{font-size:18px;margin:26px 0 8px;border-bottom:2px solid var(--ink);padding-bottom:3px}
h3{font-size:15px;margin:18px 0 6px}
h4{font-size:14px;margin:0 0 3px}
a{color:var(--link);text-decoration:none}
a:hover{text-decoration:underline}
code{font:12px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
nav{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:6px 20px;display:flex;gap:14px;align-items:center;flex-wrap:wrap;font-size:13px}
nav input{width:5em}
nav button{font:inherit}
dl.hd{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;margin:10px 0}
dl.hd dt{color:var(--mute)}
dl.hd dd{margin:0}
ul.am{margin:2px 0;padding-left:18px}
table{border-collapse:collapse;margin:4px 0 10px;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0;white-space:nowrap}
th,td{padding:2px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--band);text-align:left;font-weight:600;vertical-align:bottom}
td:first-child{white-space:nowrap}
table.num td+td,table.num th+th,table.cl td+td+td,table.cl th+th+th,table.tm td+td,table.tm th+th,.idx td:first-child{text-align:right}
table.num td+td,table.cl td+td+td,table.tm td+td{white-space:nowrap}
table.tm td+td+td,table.tm th+th+th{text-align:left}
tr.na td{color:var(--mute)}
tr.ch td{border-top:2px solid var(--am)}
.idx{max-height:32vh;overflow:auto;border:1px solid var(--line);display:inline-block}
.idx table{margin:0}
details.dd{border:1px solid var(--line);border-radius:4px;margin:8px 0;padding:0 12px}
details.dd>summary{cursor:pointer;padding:8px 0;font-weight:600}
details.dd[open]>summary{border-bottom:1px solid var(--line);margin-bottom:6px}
.ver{color:var(--mute);font-weight:400}
.badge{display:inline-block;background:var(--amb);color:var(--am);border:1px solid var(--am);border-radius:3px;padding:0 5px;font-size:12px;font-weight:600;white-space:nowrap}
.m{color:var(--mute);margin:2px 0}
.e,.p{border-left:3px solid var(--line);padding:6px 10px;margin:8px 0}
.e:target,.p:target,tr:target{background:var(--hit)}
.e.am,.p.am{border-left-color:var(--am)}
.p.old{opacity:.8}
blockquote{margin:4px 0;padding:4px 10px;background:var(--band);border-radius:3px}
blockquote p{margin:2px 0}
.rd{color:var(--mute);font-size:13px}
ul.in{margin:4px 0;padding-left:18px}
ul.in li{margin:1px 0}
.k{color:var(--mute);font-size:12px}
@media print{
nav,.noprint{display:none}
main{max-width:none;padding:0}
body{font-size:10pt}
a{color:inherit}
.idx{max-height:none;overflow:visible;border:0}
details.dd{border:0;padding:0;break-before:page}
.e,.p,tr{break-inside:avoid}
.badge{border-color:#000;color:#000;background:none}
}
`;

/**
 * The script: opens the Distribution Date (and scrolls to the entry) a link or the address names;
 * when a date is opened, copies each entry's legal text from the provisions appendix (block
 * `t-…` for entry `d4-…`, plus the entry's `data-v` version tag) into a quotation below the entry's
 * version line, with a link to the appendix, so the page carries each text once, not on every
 * date; jumps to a date by number; opens or closes every date.
 */
export const JS = `
(function(){
var fill=function(root){root.querySelectorAll('.e:not([data-done])').forEach(function(e){e.setAttribute('data-done','');if(e.hasAttribute('data-nt'))return;var id=e.id.replace(/^d[0-9]+-/,'t-')+(e.getAttribute('data-v')||'');var s=document.getElementById(id);var t=s&&s.querySelector('.tx');var l=e.querySelector('.vl');if(!t||!l)return;var a=document.createElement('a');a.href='#'+id;a.textContent='in Provisions';l.appendChild(document.createTextNode(' \u00b7 '));l.appendChild(a);var b=document.createElement('blockquote');b.innerHTML=t.innerHTML;l.insertAdjacentElement('afterend',b);});};
var reveal=function(id,scroll){var el=id&&document.getElementById(id);if(!el)return;for(var d=el;d;d=d.parentElement)if(d.tagName==='DETAILS'&&!d.open)d.open=true;var dd=el.closest('details.dd');if(dd)fill(dd);if(scroll)el.scrollIntoView();};
var here=function(){try{return decodeURIComponent(location.hash.slice(1));}catch(e){return '';}};
document.querySelectorAll('details.dd').forEach(function(d){if(d.open)fill(d);d.addEventListener('toggle',function(){if(d.open)fill(d);});});
document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a[href^="#"]');if(a)reveal(a.getAttribute('href').slice(1),false);});
window.addEventListener('hashchange',function(){reveal(here(),true);});
window.addEventListener('beforeprint',function(){document.querySelectorAll('details.dd[open]').forEach(fill);});
var go=document.getElementById('go');
if(go)go.addEventListener('submit',function(e){e.preventDefault();var n=go.querySelector('input').value;if(document.getElementById('d'+n)){location.hash='d'+n;reveal('d'+n,true);}});
var all=function(open){document.querySelectorAll('details.dd').forEach(function(d){d.open=open;});};
var ex=document.getElementById('expand'),co=document.getElementById('collapse');
if(ex)ex.addEventListener('click',function(){all(true);});
if(co)co.addEventListener('click',function(){all(false);});
if(location.hash)reveal(here(),true);
})();
`;
