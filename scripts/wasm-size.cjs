#!/usr/bin/env node
// Code bytes per crate of a wasm with a name section (the cargo output before wasm-bindgen
// and wasm-opt): node scripts/wasm-size.cjs target/wasm32-unknown-unknown/release/trade-trends.wasm
// Rough: grouped by the first path segment of each (mangled) function name; sizes before wasm-opt.
const b=require('fs').readFileSync(process.argv[2]);
let i=8;function leb(){let r=0,s=0,x;do{x=b[i++];r+=(x&127)*2**s;s+=7}while(x&128);return r}
let imports=0,code=[],names={};
while(i<b.length){const id=b[i++];const n=leb();const end=i+n;
 if(id===2){let c=leb();for(let k=0;k<c;k++){let l=leb();i+=l;l=leb();i+=l;const kind=b[i++];if(kind===0){leb();imports++}else if(kind===1){i++;const f=b[i++];leb();if(f&1)leb()}else if(kind===2){const f=b[i++];leb();if(f&1)leb()}else if(kind===3){i++;i++}}}
 else if(id===10){let c=leb();for(let k=0;k<c;k++){const sz=leb();code.push(sz);i+=sz}}
 else if(id===0){const l=leb();const nm=b.slice(i,i+l).toString();i+=l;if(nm==='name'){while(i<end){const sid=b[i++];const ss=leb();const se=i+ss;if(sid===1){let c=leb();for(let k=0;k<c;k++){const idx=leb();const l2=leb();names[idx]=b.slice(i,i+l2).toString();i+=l2}}i=se}}}
 i=end}
const groups={};let total=0;
code.forEach((sz,k)=>{total+=sz;let n=names[k+imports]||'?';
 let g;const m=n.match(/^_?_?Z?N?\d*([a-z_][a-z0-9_]*)/i);
 // demangled-ish: take first path segment
 const dm=n.replace(/^_ZN/,'').replace(/^(\d+)/,'');
 let seg=n.startsWith('_ZN')?n.slice(3).match(/^(\d+)(.*)/):null;
 if(seg){g=seg[2].slice(0,+seg[1]);if(g.startsWith('_$LT$')){const mm=n.match(/_\$LT\$([a-z_0-9]+)\.\.|_LT_([a-z_0-9]+)/);g=(mm&&(mm[1]||mm[2]))||'<impl>'}}
 else if(n.includes('::')) g=n.split('::')[0].replace(/^<+/,''); else g=n.slice(0,20);
 groups[g]=(groups[g]||0)+sz});
console.log('functions',code.length,'code bytes',total,'named',Object.keys(names).length);
Object.entries(groups).sort((a,b)=>b[1]-a[1]).slice(0,25).forEach(([g,s])=>console.log((s/1024).toFixed(1).padStart(7),'KiB',g));
