import os


def write_into(folder, name):
    with open(os.path.join(folder, name + ".txt"), "w") as handle:
        handle.write(name)
