# The same in process: winnow.dask runs one WARC per task and skips finished
# shards when run again. Run from the folder that holds warc-paths.txt.
import winnow.dask

if __name__ == "__main__":
    with open("warc-paths.txt") as f:
        paths = sorted(f.read().split())
    # client=None: Dask's default scheduler on this machine. For a cluster pass a
    # distributed.Client, a LocalCluster or a scheduler address ("tcp://host:8786").
    result = winnow.dask.run_warcs(paths, "out", threads_per_task=2)
    print(result["extracted"], "pages from", result["shards"], "files")
    for failure in result["failures"]:
        print("failed:", failure["file"], failure["reason"])
