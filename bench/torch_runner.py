"""Runner process: PyTorch on one workload (--variant float32|float64).

The network is nn.Sequential of nn.Linear (weight = W^T of the shared W[in][out]) with the
workload's hidden activation; the loop is the standard one: zero_grad, forward, loss,
backward, optimizer.step, once per pre-sliced mini-batch. Losses match LayerLab's
(src-engine/losses.ts): BCEWithLogitsLoss on the output logits, CrossEntropyLoss on the
logits (mean over rows), MSELoss on the sigmoid output (mean over rows x outputs).
Optimizers are torch.optim.SGD / Adam, which LayerLab's optimizers follow.
"""
import time

from bench_common import batches, load, parse_args, print_result, time_runs


def main():
    args = parse_args()
    import torch
    from torch import nn

    dtype = torch.float64 if args.variant == "float64" else torch.float32
    meta, x_np, y_np, params = load(args.data, args.workload)
    w = meta["workload"]
    epochs = args.epochs if args.epochs is not None else w["epochs"]
    act = {"tanh": nn.Tanh, "relu": nn.ReLU, "sigmoid": nn.Sigmoid}

    layers = []
    for l, (wt, b) in enumerate(params):
        layers.append(nn.Linear(wt.shape[0], wt.shape[1]))
        last = l == len(params) - 1
        if not last:
            layers.append(act[w["hidden"]]())
        elif w["loss"] == "mse":
            layers.append(act[w["output"]]())
    model = nn.Sequential(*layers).to(dtype)
    linears = [m for m in model if isinstance(m, nn.Linear)]

    x = torch.tensor(x_np, dtype=dtype)
    if w["loss"] == "categorical_crossentropy":
        y = torch.tensor(y_np.argmax(axis=1), dtype=torch.long)
        loss_fn = nn.CrossEntropyLoss()
    elif w["loss"] == "binary_crossentropy":
        y = torch.tensor(y_np, dtype=dtype)
        loss_fn = nn.BCEWithLogitsLoss()
    else:
        y = torch.tensor(y_np, dtype=dtype)
        loss_fn = nn.MSELoss()
    data = [(x[s:e], y[s:e]) for s, e in batches(meta["n"], w["batchSize"])]

    def run():
        with torch.no_grad():
            for lin, (wt, b) in zip(linears, params):
                lin.weight.copy_(torch.tensor(wt.T, dtype=dtype))
                lin.bias.copy_(torch.tensor(b, dtype=dtype))
        o = w["optimizer"]
        if o["type"] == "sgd":
            opt = torch.optim.SGD(model.parameters(), lr=o["lr"], momentum=o["momentum"])
        else:
            opt = torch.optim.Adam(model.parameters(), lr=o["lr"], betas=(o["beta1"], o["beta2"]), eps=o["eps"])
        model.train()
        start = time.perf_counter()
        for _ in range(epochs):
            for xb, yb in data:
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(model(xb), yb)
                loss.backward()
                opt.step()
        seconds = time.perf_counter() - start
        model.eval()
        with torch.no_grad():
            final = loss_fn(model(x), y).item()
        return seconds, final

    times, final = time_runs(run, args.warmup, args.runs)
    print_result(times, final, epochs * len(data), {
        "torch": torch.__version__, "threads": torch.get_num_threads(), "dtype": str(dtype).replace("torch.", ""),
    })


if __name__ == "__main__":
    main()
