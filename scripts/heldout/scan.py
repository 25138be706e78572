"""A copier-like scan of two held-out documents: 200 dpi greyscale, turned a little, saved as image-only PDF."""
import subprocess, glob, os, shutil
from PIL import Image, ImageFilter
os.chdir(os.environ.get("HELDOUT_OUT") or os.path.dirname(os.path.abspath(__file__)))
for name, angle in [("ashcombe-parish-council-2024-03-12", 0.8), ("kestrel-wildlife-trust-trustees-2024-05-14", -1.1)]:
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", name + ".pdf", "/tmp/hs-" + name], check=True)
    pages = [Image.open(p).rotate(angle, expand=False, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
             for p in sorted(glob.glob("/tmp/hs-" + name + "*.png"))]
    pages[0].save(name + "-scan.pdf", save_all=True, append_images=pages[1:], resolution=200)
    shutil.copy(name + ".truth.json", name + "-scan.truth.json")
