"""Runner process: scikit-learn's MLPClassifier / MLPRegressor on one workload (float64).

fit() is called with warm_start=True after the model's internals were set up by one
partial_fit, and coefs_ / intercepts_ are then replaced by the shared initial weights, so
training starts from the same weights as every contender. shuffle=False, alpha=0 (no L2),
a constant learning rate and n_iter_no_change huge: fit() then takes exactly one optimizer
step per mini-batch (gen_batches: in order, the last one smaller) for max_iter epochs.

Conventions that differ from LayerLab, and what is done about them:
- Classifier losses (binary log-loss on a logistic output, log-loss on softmax) have the
  same gradient as LayerLab's fused cross-entropies, averaged over the batch: comparable.
- sklearn's Adam writes lr_t = lr*sqrt(1-b2^t)/(1-b1^t), update = -lr_t*m/(sqrt(v)+eps), i.e.
  eps is added to sqrt(v) before the bias correction; torch (and LayerLab) add it after,
  m_hat/(sqrt(v_hat)+eps). Early on sqrt(1-b2^t) ~ 0.03, so sklearn's eps acts ~30x larger,
  which moves W3's final loss by ~1e-5. The runner therefore replaces AdamOptimizer's
  _get_updates with torch's rule, written with the same numpy operations (one more
  division per element): the training is then the same, and the cost practically so.
- MLPRegressor has a linear (identity) output and squared loss 1/2*mean: W4's sigmoid output
  cannot be expressed, so W4 trains the same shapes for timing and its loss is "not
  comparable". (Its 1/2 is compensated by doubling the learning rate, so the step sizes match.)
"""
import time
import warnings

import numpy as np

from bench_common import load, parse_args, print_result, time_runs


def patch_adam_to_torch_rule():
    """AdamOptimizer._get_updates with torch.optim.Adam's placement of eps (see above)."""
    from sklearn.neural_network import _stochastic_optimizers as so

    def _get_updates(self, grads):
        self.t += 1
        self.ms = [self.beta_1 * m + (1 - self.beta_1) * grad for m, grad in zip(self.ms, grads)]
        self.vs = [self.beta_2 * v + (1 - self.beta_2) * (grad**2) for v, grad in zip(self.vs, grads)]
        step = self.learning_rate_init / (1 - self.beta_1**self.t)
        bc2_sqrt = np.sqrt(1 - self.beta_2**self.t)
        self.learning_rate = step
        return [-step * m / (np.sqrt(v) / bc2_sqrt + self.epsilon) for m, v in zip(self.ms, self.vs)]

    so.AdamOptimizer._get_updates = _get_updates


def main():
    args = parse_args()
    import sklearn
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier, MLPRegressor

    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    patch_adam_to_torch_rule()
    meta, x, y, params = load(args.data, args.workload)
    w = meta["workload"]
    epochs = args.epochs if args.epochs is not None else w["epochs"]
    hidden = tuple(layer["units"] for layer in meta["layers"][:-1])
    act = {"tanh": "tanh", "relu": "relu", "sigmoid": "logistic"}[w["hidden"]]
    o = w["optimizer"]
    regression = w["task"] == "regression"
    common = dict(
        hidden_layer_sizes=hidden, activation=act, alpha=0.0, batch_size=w["batchSize"],
        max_iter=epochs, shuffle=False, tol=0.0, n_iter_no_change=10**9, warm_start=True,
        early_stopping=False, learning_rate="constant",
    )
    # MLPRegressor's squared loss is 1/2*mean, half LayerLab's mse: double the rate.
    lr = o["lr"] * (2 if regression else 1)
    if o["type"] == "sgd":
        common.update(solver="sgd", learning_rate_init=lr, momentum=o["momentum"], nesterovs_momentum=False)
    else:
        common.update(solver="adam", learning_rate_init=lr, beta_1=o["beta1"], beta_2=o["beta2"], epsilon=o["eps"])
    if regression:
        target = y[:, 0] if y.shape[1] == 1 else y
        model = MLPRegressor(**common)
    else:
        target = y[:, 0].astype(int) if y.shape[1] == 1 else y.argmax(axis=1)
        model = MLPClassifier(**common)

    bs = w["batchSize"]
    if regression:
        model.partial_fit(x[:bs], target[:bs])
    else:
        model.partial_fit(x[:bs], target[:bs], classes=np.unique(target))

    def final_loss():
        if w["loss"] == "binary_crossentropy":
            p = model.predict_proba(x)[:, 1]
            t = target
            return float(np.mean(-(t * np.log(p) + (1 - t) * np.log1p(-p))))
        if w["loss"] == "categorical_crossentropy":
            p = model.predict_proba(x)
            return float(np.mean(-np.log(p[np.arange(len(target)), target])))
        pred = model.predict(x).reshape(y.shape)
        return float(np.mean((pred - y) ** 2))

    def run():
        model.coefs_ = [wt.copy() for wt, _ in params]
        model.intercepts_ = [b.copy() for _, b in params]
        start = time.perf_counter()
        model.fit(x, target)
        seconds = time.perf_counter() - start
        return seconds, final_loss()

    times, final = time_runs(run, args.warmup, args.runs)
    steps = epochs * -(-meta["n"] // bs)
    info = {"sklearn": sklearn.__version__, "dtype": "float64"}
    if o["type"] == "adam":
        info["adam"] = "torch's eps placement (patched _get_updates)"
    if regression:
        info["comparable"] = False
        info["reason"] = "MLPRegressor's output is linear; W4's is sigmoid"
    print_result(times, final, steps, info)


if __name__ == "__main__":
    main()
