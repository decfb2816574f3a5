// Charts of the figures pages (Chart.js, vendored). Each <canvas data-chart="…"
// data-source="id"> reads its numbers from the JSON script element with that id; the same
// numbers are in a table next to it for screen readers and for printing.
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;
  var palette = ["#0b5394", "#38761d", "#cc0000", "#e69138", "#674ea7", "#45818e"];
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.source);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    var datasets = data.series.map(function (serie, i) {
      return {
        label: serie.label,
        data: serie.values,
        borderColor: palette[i % palette.length],
        backgroundColor: palette[i % palette.length],
        type: serie.type || "bar",
      };
    });
    new Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: "bottom" } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  });
})();
