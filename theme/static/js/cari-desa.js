// A village's search page: Pagefind over this village's own index. The page lists every section without it.
(function () {
  var box = document.getElementById("cari-desa");
  if (!box || !window.fetch) return;
  if (location.protocol === "file:") {  // browsers refuse a file:// page the index's fetches: say so, keep the list
    var note = document.getElementById("cari-berkas");
    if (note) note.hidden = false;
    return;
  }
  var input = document.getElementById("q"), status = document.getElementById("cari-status"), list = document.getElementById("hasil");
  var root = new URL(box.dataset.root + "/", document.baseURI).href, pagefind = null;
  box.hidden = false;
  function show(text, html) {  // excerpt: text with <mark> only, rebuilt as nodes
    var p = document.createElement("p"), doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    doc.body.firstChild.childNodes.forEach(function (n) {
      if (n.nodeName === "MARK") { var m = document.createElement("mark"); m.textContent = n.textContent; p.appendChild(m); }
      else p.appendChild(document.createTextNode(n.textContent));
    });
    var li = document.createElement("li"), h = document.createElement("h2"), a = document.createElement("a");
    a.href = text.href; a.textContent = text.title; h.className = "big"; h.appendChild(a); li.appendChild(h); li.appendChild(p);
    list.appendChild(li);
  }
  async function run() {
    var q = input.value.trim();
    if (!q) { list.textContent = ""; status.textContent = ""; return; }
    try {
      if (!pagefind) {  // the script is shared by all villages; the index is this village's
        pagefind = await import(new URL(box.dataset.bundle + "pagefind.js", document.baseURI).href);
        // baseUrl "/": result URLs stay relative to the village, wherever the site is served from
        await pagefind.options({ basePath: new URL(box.dataset.index, document.baseURI).pathname, baseUrl: "/" });
      }
      var found = await pagefind.debouncedSearch(q, {}, 250);
      if (found === null) return;
      var items = await Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); }));
      list.textContent = "";
      items.forEach(function (d) {
        var url = d.url.replace(/^\//, "");
        show({ href: root + url, title: (d.meta && d.meta.title) || url }, d.excerpt || "");
      });
      status.textContent = found.results.length + " halaman cocok" + (found.results.length > 20 ? " (20 pertama ditampilkan)" : "");
    } catch (e) {
      status.textContent = "Pencarian gagal dimuat. Coba muat ulang halaman ini, atau gunakan daftar halaman di bawah.";
    }
  }
  input.addEventListener("input", run);
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();
