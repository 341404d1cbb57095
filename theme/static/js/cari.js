// Progressive enhancement for the portal: filter the village list by name. The page works without it.
(function () {
  var box = document.getElementById("cari-kotak"), input = document.getElementById("cari");
  var list = document.getElementById("daftar-desa"), out = document.getElementById("cari-hasil");
  if (!box || !input || !list) return;
  box.hidden = false;
  input.addEventListener("input", function () {
    var q = input.value.trim().toLowerCase(), shown = 0;
    list.querySelectorAll(".grup").forEach(function (grup) {
      var any = false;
      grup.querySelectorAll("li").forEach(function (li) {
        var hit = !q || li.textContent.toLowerCase().indexOf(q) !== -1;
        li.hidden = !hit;
        if (hit) { any = true; shown++; }
      });
      grup.hidden = !any;
    });
    out.textContent = q ? shown + " desa cocok" : "";
  });
})();
