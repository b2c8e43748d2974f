;; The dense layer's float32 matrix loops in WebAssembly 128-bit SIMD (f32x4), assembled at
;; build time (scripts/vite-plugin-wat.mjs) and driven by wasm-dense.ts. Same products as
;; dense-kernels.ts: z = x·W + b, dW += xᵀ·dZ (db += Σ_rows dZ) and dX = dZ·Wᵀ, row-major.
;;
;; All three are one operation: four output rows at once,
;;   out[o][j] = init[o][j] + Σ_k c[o][k] · V[k][j]   (o < m ≤ 4, j < width),
;; where `$gather` lists the k whose four coefficients are not all zero (W3's inputs are 82%
;; zeros, ReLU outputs about half) and `$block` sums over that list with the four rows' sums
;; for eight units held in eight f32x4 registers, so each loaded V vector serves four rows.
;;
;; Sums run in float32 (the TS kernels sum in float64 and round once), k in order; results
;; agree with the TS kernels within float32 rounding. No fused or relaxed multiply-add.
;;
;; Memory is imported; the caller reserves bytes 0..31: 0..15 hold 0.0f (the coefficient rows
;; o ≥ m read it), 16 holds 1.0f (the bias gradient's coefficient). All pointers are byte
;; addresses; `lo`/`lc` is the list scratch: i32 row addresses at lo, f32x4 coefficients at lc,
;; `dump` a scratch row that the rows o ≥ m are written to.
(module
  (import "env" "memory" (memory 1))

  ;; Lists k < count where some c[o][k] ≠ 0 (o < m): lo[n] = v + k·vRow, lc[n] = c[0..3][k].
  ;; c[o][k] is at c + o·cRow + k·cStep. NaN counts as nonzero, −0 as zero. Returns n.
  (func $gather (param $c i32) (param $cRow i32) (param $cStep i32) (param $count i32) (param $m i32)
                (param $v i32) (param $vRow i32) (param $lo i32) (param $lc i32) (result i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $x0 f32) (local $x1 f32) (local $x2 f32) (local $x3 f32)
    (local $k i32) (local $n i32) (local $vk i32)
    ;; Rows o ≥ m keep p = 0, s = 0: they read the zero at address 0.
    (local.set $p0 (local.get $c))
    (if (i32.gt_u (local.get $m) (i32.const 1))
      (then (local.set $p1 (i32.add (local.get $c) (local.get $cRow))) (local.set $s1 (local.get $cStep))))
    (if (i32.gt_u (local.get $m) (i32.const 2))
      (then (local.set $p2 (i32.add (local.get $c) (i32.shl (local.get $cRow) (i32.const 1)))) (local.set $s2 (local.get $cStep))))
    (if (i32.gt_u (local.get $m) (i32.const 3))
      (then (local.set $p3 (i32.add (local.get $c) (i32.mul (local.get $cRow) (i32.const 3)))) (local.set $s3 (local.get $cStep))))
    (local.set $vk (local.get $v))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $x0 (f32.load (local.get $p0)))
        (local.set $x1 (f32.load (local.get $p1)))
        (local.set $x2 (f32.load (local.get $p2)))
        (local.set $x3 (f32.load (local.get $p3)))
        (if (i32.or
              (i32.or (f32.ne (local.get $x0) (f32.const 0)) (f32.ne (local.get $x1) (f32.const 0)))
              (i32.or (f32.ne (local.get $x2) (f32.const 0)) (f32.ne (local.get $x3) (f32.const 0))))
          (then
            (i32.store (i32.add (local.get $lo) (i32.shl (local.get $n) (i32.const 2))) (local.get $vk))
            (v128.store (i32.add (local.get $lc) (i32.shl (local.get $n) (i32.const 4)))
              (f32x4.replace_lane 3
                (f32x4.replace_lane 2
                  (f32x4.replace_lane 1 (f32x4.splat (local.get $x0)) (local.get $x1))
                  (local.get $x2))
                (local.get $x3)))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $p0 (i32.add (local.get $p0) (local.get $cStep)))
        (local.set $p1 (i32.add (local.get $p1) (local.get $s1)))
        (local.set $p2 (i32.add (local.get $p2) (local.get $s2)))
        (local.set $p3 (i32.add (local.get $p3) (local.get $s3)))
        (local.set $vk (i32.add (local.get $vk) (local.get $vRow)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; out[o][j] = (hasInit ? init[o][j] : 0) + Σ_{l < n} lc[l][o] · V_l[j] for o < m, j < width
  ;; (bytes), with V_l the row at address lo[l]. Row o of out is at out + o·outRow, of init at
  ;; init + o·initRow; init may equal out. Rows o ≥ m are summed too but written to `dump`.
  (func $block (param $out i32) (param $outRow i32) (param $init i32) (param $initRow i32) (param $hasInit i32)
               (param $m i32) (param $lo i32) (param $lc i32) (param $n i32) (param $width i32) (param $dump i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $i0 i32) (local $i1 i32) (local $i2 i32) (local $i3 i32)
    (local $j i32) (local $pl i32) (local $pc i32) (local $end i32) (local $vo i32)
    (local $a00 v128) (local $a01 v128) (local $a10 v128) (local $a11 v128)
    (local $a20 v128) (local $a21 v128) (local $a30 v128) (local $a31 v128)
    (local $v0 v128) (local $v1 v128) (local $c v128)
    (local.set $o0 (local.get $out))
    (local.set $o1 (local.get $dump))
    (local.set $o2 (local.get $dump))
    (local.set $o3 (local.get $dump))
    (local.set $i0 (local.get $init))
    (local.set $i1 (local.get $init))
    (local.set $i2 (local.get $init))
    (local.set $i3 (local.get $init))
    (if (i32.gt_u (local.get $m) (i32.const 1))
      (then
        (local.set $o1 (i32.add (local.get $out) (local.get $outRow)))
        (local.set $i1 (i32.add (local.get $init) (local.get $initRow)))))
    (if (i32.gt_u (local.get $m) (i32.const 2))
      (then
        (local.set $o2 (i32.add (local.get $o1) (local.get $outRow)))
        (local.set $i2 (i32.add (local.get $i1) (local.get $initRow)))))
    (if (i32.gt_u (local.get $m) (i32.const 3))
      (then
        (local.set $o3 (i32.add (local.get $o2) (local.get $outRow)))
        (local.set $i3 (i32.add (local.get $i2) (local.get $initRow)))))
    (local.set $end (i32.add (local.get $lo) (i32.shl (local.get $n) (i32.const 2))))

    ;; Eight units (two vectors) of four rows per pass over the list.
    (block $done8
      (loop $next8
        (br_if $done8 (i32.gt_u (i32.add (local.get $j) (i32.const 32)) (local.get $width)))
        (if (local.get $hasInit)
          (then
            (local.set $a00 (v128.load (i32.add (local.get $i0) (local.get $j))))
            (local.set $a01 (v128.load offset=16 (i32.add (local.get $i0) (local.get $j))))
            (local.set $a10 (v128.load (i32.add (local.get $i1) (local.get $j))))
            (local.set $a11 (v128.load offset=16 (i32.add (local.get $i1) (local.get $j))))
            (local.set $a20 (v128.load (i32.add (local.get $i2) (local.get $j))))
            (local.set $a21 (v128.load offset=16 (i32.add (local.get $i2) (local.get $j))))
            (local.set $a30 (v128.load (i32.add (local.get $i3) (local.get $j))))
            (local.set $a31 (v128.load offset=16 (i32.add (local.get $i3) (local.get $j)))))
          (else
            (local.set $a00 (v128.const i32x4 0 0 0 0))
            (local.set $a01 (v128.const i32x4 0 0 0 0))
            (local.set $a10 (v128.const i32x4 0 0 0 0))
            (local.set $a11 (v128.const i32x4 0 0 0 0))
            (local.set $a20 (v128.const i32x4 0 0 0 0))
            (local.set $a21 (v128.const i32x4 0 0 0 0))
            (local.set $a30 (v128.const i32x4 0 0 0 0))
            (local.set $a31 (v128.const i32x4 0 0 0 0))))
        (local.set $pl (local.get $lo))
        (local.set $pc (local.get $lc))
        (block $doneK
          (loop $nextK
            (br_if $doneK (i32.ge_u (local.get $pl) (local.get $end)))
            (local.set $vo (i32.add (i32.load (local.get $pl)) (local.get $j)))
            (local.set $v0 (v128.load (local.get $vo)))
            (local.set $v1 (v128.load offset=16 (local.get $vo)))
            (local.set $c (v128.load32_splat (local.get $pc)))
            (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $c) (local.get $v0))))
            (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $c) (local.get $v1))))
            (local.set $c (v128.load32_splat offset=4 (local.get $pc)))
            (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $c) (local.get $v0))))
            (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $c) (local.get $v1))))
            (local.set $c (v128.load32_splat offset=8 (local.get $pc)))
            (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $c) (local.get $v0))))
            (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $c) (local.get $v1))))
            (local.set $c (v128.load32_splat offset=12 (local.get $pc)))
            (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $c) (local.get $v0))))
            (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $c) (local.get $v1))))
            (local.set $pl (i32.add (local.get $pl) (i32.const 4)))
            (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
            (br $nextK)))
        (v128.store (i32.add (local.get $o0) (local.get $j)) (local.get $a00))
        (v128.store offset=16 (i32.add (local.get $o0) (local.get $j)) (local.get $a01))
        (v128.store (i32.add (local.get $o1) (local.get $j)) (local.get $a10))
        (v128.store offset=16 (i32.add (local.get $o1) (local.get $j)) (local.get $a11))
        (v128.store (i32.add (local.get $o2) (local.get $j)) (local.get $a20))
        (v128.store offset=16 (i32.add (local.get $o2) (local.get $j)) (local.get $a21))
        (v128.store (i32.add (local.get $o3) (local.get $j)) (local.get $a30))
        (v128.store offset=16 (i32.add (local.get $o3) (local.get $j)) (local.get $a31))
        (local.set $j (i32.add (local.get $j) (i32.const 32)))
        (br $next8)))

    ;; Four more units (one vector) when at least four are left.
    (if (i32.le_u (i32.add (local.get $j) (i32.const 16)) (local.get $width))
      (then
        (if (local.get $hasInit)
          (then
            (local.set $a00 (v128.load (i32.add (local.get $i0) (local.get $j))))
            (local.set $a10 (v128.load (i32.add (local.get $i1) (local.get $j))))
            (local.set $a20 (v128.load (i32.add (local.get $i2) (local.get $j))))
            (local.set $a30 (v128.load (i32.add (local.get $i3) (local.get $j)))))
          (else
            (local.set $a00 (v128.const i32x4 0 0 0 0))
            (local.set $a10 (v128.const i32x4 0 0 0 0))
            (local.set $a20 (v128.const i32x4 0 0 0 0))
            (local.set $a30 (v128.const i32x4 0 0 0 0))))
        (local.set $pl (local.get $lo))
        (local.set $pc (local.get $lc))
        (block $doneK4
          (loop $nextK4
            (br_if $doneK4 (i32.ge_u (local.get $pl) (local.get $end)))
            (local.set $v0 (v128.load (i32.add (i32.load (local.get $pl)) (local.get $j))))
            (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (v128.load32_splat (local.get $pc)) (local.get $v0))))
            (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (v128.load32_splat offset=4 (local.get $pc)) (local.get $v0))))
            (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (v128.load32_splat offset=8 (local.get $pc)) (local.get $v0))))
            (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (v128.load32_splat offset=12 (local.get $pc)) (local.get $v0))))
            (local.set $pl (i32.add (local.get $pl) (i32.const 4)))
            (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
            (br $nextK4)))
        (v128.store (i32.add (local.get $o0) (local.get $j)) (local.get $a00))
        (v128.store (i32.add (local.get $o1) (local.get $j)) (local.get $a10))
        (v128.store (i32.add (local.get $o2) (local.get $j)) (local.get $a20))
        (v128.store (i32.add (local.get $o3) (local.get $j)) (local.get $a30))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))))

    ;; The last one to three units one at a time; here the four lanes are the four rows.
    (block $done1
      (loop $next1
        (br_if $done1 (i32.ge_u (local.get $j) (local.get $width)))
        (if (local.get $hasInit)
          (then
            (local.set $a00
              (f32x4.replace_lane 3
                (f32x4.replace_lane 2
                  (f32x4.replace_lane 1
                    (f32x4.splat (f32.load (i32.add (local.get $i0) (local.get $j))))
                    (f32.load (i32.add (local.get $i1) (local.get $j))))
                  (f32.load (i32.add (local.get $i2) (local.get $j))))
                (f32.load (i32.add (local.get $i3) (local.get $j))))))
          (else (local.set $a00 (v128.const i32x4 0 0 0 0))))
        (local.set $pl (local.get $lo))
        (local.set $pc (local.get $lc))
        (block $doneK1
          (loop $nextK1
            (br_if $doneK1 (i32.ge_u (local.get $pl) (local.get $end)))
            (local.set $a00
              (f32x4.add (local.get $a00)
                (f32x4.mul (v128.load (local.get $pc))
                  (v128.load32_splat (i32.add (i32.load (local.get $pl)) (local.get $j))))))
            (local.set $pl (i32.add (local.get $pl) (i32.const 4)))
            (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
            (br $nextK1)))
        (f32.store (i32.add (local.get $o0) (local.get $j)) (f32x4.extract_lane 0 (local.get $a00)))
        (f32.store (i32.add (local.get $o1) (local.get $j)) (f32x4.extract_lane 1 (local.get $a00)))
        (f32.store (i32.add (local.get $o2) (local.get $j)) (f32x4.extract_lane 2 (local.get $a00)))
        (f32.store (i32.add (local.get $o3) (local.get $j)) (f32x4.extract_lane 3 (local.get $a00)))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $next1))))

  ;; min(4, a − b) for a > b.
  (func $rowsLeft (param $a i32) (param $b i32) (result i32)
    (select (i32.const 4) (i32.sub (local.get $a) (local.get $b))
      (i32.ge_u (i32.sub (local.get $a) (local.get $b)) (i32.const 4))))

  ;; z = x·W + b: x [rows][inputs], W [inputs][units], b [units] (when hasBias), z [rows][units].
  (func (export "forward")
        (param $x i32) (param $rows i32) (param $inputs i32) (param $w i32) (param $bias i32) (param $hasBias i32)
        (param $units i32) (param $z i32) (param $lo i32) (param $lc i32) (param $dump i32)
    (local $r i32) (local $m i32) (local $n i32) (local $xRow i32) (local $zRow i32)
    (local.set $xRow (i32.shl (local.get $inputs) (i32.const 2)))
    (local.set $zRow (i32.shl (local.get $units) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $m (call $rowsLeft (local.get $rows) (local.get $r)))
        (local.set $n
          (call $gather
            (i32.add (local.get $x) (i32.mul (local.get $r) (local.get $xRow))) (local.get $xRow) (i32.const 4)
            (local.get $inputs) (local.get $m) (local.get $w) (local.get $zRow) (local.get $lo) (local.get $lc)))
        (call $block
          (i32.add (local.get $z) (i32.mul (local.get $r) (local.get $zRow))) (local.get $zRow)
          (local.get $bias) (i32.const 0) (local.get $hasBias)
          (local.get $m) (local.get $lo) (local.get $lc) (local.get $n) (local.get $zRow) (local.get $dump))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $next))))

  ;; dW += xᵀ·dZ and (hasBias) dBias += Σ_rows dZ: x [rows][inputs], dZ [rows][units],
  ;; dW [inputs][units], dBias [units].
  (func (export "weightGradient")
        (param $x i32) (param $dz i32) (param $rows i32) (param $inputs i32) (param $units i32)
        (param $dw i32) (param $dBias i32) (param $hasBias i32) (param $lo i32) (param $lc i32) (param $dump i32)
    (call $weightGradientPart (local.get $x) (local.get $dz) (local.get $rows) (local.get $inputs) (local.get $units)
      (local.get $dw) (local.get $lo) (local.get $lc) (local.get $dump) (i32.const 0) (local.get $inputs))
    (if (local.get $hasBias)
      (then (call $biasGradient (local.get $dz) (local.get $rows) (local.get $units) (local.get $dBias)
        (local.get $lo) (local.get $lc) (local.get $dump)))))

  ;; Rows from..end−1 of dW += xᵀ·dZ (shapes as weightGradient). `from` is a multiple of 4, so
  ;; each group of four output rows, and with it every sum, is the same as in one whole call:
  ;; two threads can each take a range (wasm-dense.ts).
  (func $weightGradientPart (export "weightGradientPart")
        (param $x i32) (param $dz i32) (param $rows i32) (param $inputs i32) (param $units i32)
        (param $dw i32) (param $lo i32) (param $lc i32) (param $dump i32) (param $from i32) (param $end i32)
    (local $i i32) (local $m i32) (local $n i32) (local $xRow i32) (local $zRow i32) (local $row i32)
    (local.set $xRow (i32.shl (local.get $inputs) (i32.const 2)))
    (local.set $zRow (i32.shl (local.get $units) (i32.const 2)))
    (local.set $i (local.get $from))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $m (call $rowsLeft (local.get $end) (local.get $i)))
        ;; Output row i + o takes the column x[·][i + o] as its coefficients.
        (local.set $n
          (call $gather
            (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))) (i32.const 4) (local.get $xRow)
            (local.get $rows) (local.get $m) (local.get $dz) (local.get $zRow) (local.get $lo) (local.get $lc)))
        (if (local.get $n)
          (then
            (local.set $row (i32.add (local.get $dw) (i32.mul (local.get $i) (local.get $zRow))))
            (call $block
              (local.get $row) (local.get $zRow) (local.get $row) (local.get $zRow) (i32.const 1)
              (local.get $m) (local.get $lo) (local.get $lc) (local.get $n) (local.get $zRow) (local.get $dump))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $next))))

  ;; dBias += Σ_rows dZ: one output row whose coefficients are all 1.0 (address 16, step 0).
  (func $biasGradient (export "biasGradient")
        (param $dz i32) (param $rows i32) (param $units i32) (param $dBias i32) (param $lo i32) (param $lc i32) (param $dump i32)
    (local $n i32) (local $zRow i32)
    (local.set $zRow (i32.shl (local.get $units) (i32.const 2)))
    (local.set $n
      (call $gather (i32.const 16) (i32.const 0) (i32.const 0) (local.get $rows) (i32.const 1)
        (local.get $dz) (local.get $zRow) (local.get $lo) (local.get $lc)))
    (call $block
      (local.get $dBias) (i32.const 0) (local.get $dBias) (i32.const 0) (i32.const 1)
      (i32.const 1) (local.get $lo) (local.get $lc) (local.get $n) (local.get $zRow) (local.get $dump)))

  ;; dX = dZ·Wᵀ: dZ [rows][units], W [inputs][units], dX [rows][inputs]; wt is scratch
  ;; [units][inputs] that receives Wᵀ first, so the sum runs over contiguous rows of Wᵀ.
  (func (export "inputGradient")
        (param $dz i32) (param $w i32) (param $rows i32) (param $inputs i32) (param $units i32)
        (param $dx i32) (param $wt i32) (param $lo i32) (param $lc i32) (param $dump i32)
    (call $transpose (local.get $w) (local.get $inputs) (local.get $units) (local.get $wt))
    (call $inputGradientRows (local.get $dz) (local.get $wt) (local.get $rows) (local.get $inputs) (local.get $units)
      (local.get $dx) (local.get $lo) (local.get $lc) (local.get $dump)))

  ;; wt [units][inputs] = Wᵀ of W [inputs][units].
  (func $transpose (export "transpose") (param $w i32) (param $inputs i32) (param $units i32) (param $wt i32)
    (local $i i32) (local $j i32) (local $src i32) (local $dst i32) (local $xRow i32)
    (local.set $xRow (i32.shl (local.get $inputs) (i32.const 2)))
    (local.set $src (local.get $w))
    (block $doneI
      (loop $nextI
        (br_if $doneI (i32.ge_u (local.get $i) (local.get $inputs)))
        (local.set $dst (i32.add (local.get $wt) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $j (i32.const 0))
        (block $doneJ
          (loop $nextJ
            (br_if $doneJ (i32.ge_u (local.get $j) (local.get $units)))
            (f32.store (local.get $dst) (f32.load (local.get $src)))
            (local.set $src (i32.add (local.get $src) (i32.const 4)))
            (local.set $dst (i32.add (local.get $dst) (local.get $xRow)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $nextJ)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $nextI))))

  ;; dX = dZ·Wᵀ with wt = Wᵀ already written (transpose): rows are independent, so two
  ;; threads can each take a range of rows starting at a multiple of 4 (wasm-dense.ts).
  (func $inputGradientRows (export "inputGradientRows")
        (param $dz i32) (param $wt i32) (param $rows i32) (param $inputs i32) (param $units i32)
        (param $dx i32) (param $lo i32) (param $lc i32) (param $dump i32)
    (local $r i32) (local $m i32) (local $n i32) (local $xRow i32) (local $zRow i32)
    (local.set $xRow (i32.shl (local.get $inputs) (i32.const 2)))
    (local.set $zRow (i32.shl (local.get $units) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $m (call $rowsLeft (local.get $rows) (local.get $r)))
        (local.set $n
          (call $gather
            (i32.add (local.get $dz) (i32.mul (local.get $r) (local.get $zRow))) (local.get $zRow) (i32.const 4)
            (local.get $units) (local.get $m) (local.get $wt) (local.get $xRow) (local.get $lo) (local.get $lc)))
        (call $block
          (i32.add (local.get $dx) (i32.mul (local.get $r) (local.get $xRow))) (local.get $xRow)
          (i32.const 0) (i32.const 0) (i32.const 0)
          (local.get $m) (local.get $lo) (local.get $lc) (local.get $n) (local.get $xRow) (local.get $dump))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $next)))))
